import { createTRPCRouter, deskInput, deskProcedure, deskReadProcedure } from "../trpc";
import { csatTarget, reportFilter } from "./inputs";
import { backlogReport, reportAccess, channelsReport, deflectionsReport, rhythmsReport, satisfactionReport, setCsatTarget, staffReport, timesReport } from "./service";

// Reports read from the read replica when there is one (they may lag the primary by a moment).
const filtered = deskReadProcedure.input(deskInput({ filter: reportFilter }));

/** Reports and staff statistics: the statistics option; the desk for owners and admins, their own work for agents. */
export const reportsRouter = createTRPCRouter({
  access: deskReadProcedure.input(deskInput({})).query(({ ctx }) => reportAccess(ctx.tx, ctx.actor)),
  rhythms: filtered.query(({ ctx, input }) => rhythmsReport(ctx.tx, ctx.actor, input.filter)),
  backlog: filtered.query(({ ctx, input }) => backlogReport(ctx.tx, ctx.actor, input.filter)),
  channels: filtered.query(({ ctx, input }) => channelsReport(ctx.tx, ctx.actor, input.filter)),
  times: filtered.query(({ ctx, input }) => timesReport(ctx.tx, ctx.actor, input.filter)),
  satisfaction: filtered.query(({ ctx, input }) => satisfactionReport(ctx.tx, ctx.actor, input.filter)),
  deflections: filtered.query(({ ctx, input }) => deflectionsReport(ctx.tx, ctx.actor, input.filter)),
  staff: filtered.query(({ ctx, input }) => staffReport(ctx.tx, ctx.actor, input.filter)),
  setCsatTarget: deskProcedure.input(deskInput({ target: csatTarget })).mutation(({ ctx, input }) => setCsatTarget(ctx.tx, ctx.actor, input.target)),
});
