import { createTRPCRouter, deskInput, deskProcedure } from "../trpc";
import { ratingsPeriod } from "./inputs";
import { ratingsSummary } from "./service";

/** Customers' ratings of replies: owners and admins only (FORBIDDEN for agents). */
export const ratingsRouter = createTRPCRouter({
  summary: deskProcedure.input(deskInput(ratingsPeriod)).query(({ ctx, input }) => ratingsSummary(ctx.tx, ctx.actor, input)),
});
