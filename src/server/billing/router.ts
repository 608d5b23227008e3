import { authedProcedure, createTRPCRouter, deskInput, deskProcedure, pageInput, operatorProcedure } from "../trpc";
import { deskPaused } from "./account";
import { adjustBalance, isPlatformOperator, unsafeListDesksForOperators, setDeskStatus } from "../platform/operator";
import { unsafeJobHealth } from "../platform/job-health";
import { balanceAdjustmentInput, deskStatusInput, planChoice, planInput, platformSettingsInput, topUpAmount } from "./inputs";
import { startTopUp, stripeFromEnv } from "./stripe";
import { changePlanAndRelease } from "../tickets/held";
import { billingOverview, listLedger } from "./owner";
import { platformPlans, updatePlan, updateSettings } from "./plans";

/** Billing for a desk's owner (FORBIDDEN for everyone else). */
export const billingRouter = createTRPCRouter({
  /** Every member's view of billing: only whether the desk is paused (for the panel's banner). */
  paused: deskProcedure.input(deskInput({})).query(({ ctx }) => deskPaused(ctx.tx)),
  overview: deskProcedure.input(deskInput({})).query(({ ctx }) => billingOverview(ctx.tx, ctx.actor)),
  ledger: deskProcedure
    .input(deskInput(pageInput))
    .query(({ ctx, input }) => listLedger(ctx.tx, ctx.actor, { cursor: input.cursor ?? null, limit: input.limit })),
  changePlan: deskProcedure
    .input(deskInput(planChoice))
    .mutation(({ ctx, input }) => changePlanAndRelease(ctx.tx, ctx.actor, input)),
  topUp: deskProcedure
    .input(deskInput({ amount: topUpAmount }))
    .mutation(({ ctx, input }) => startTopUp(ctx.tx, ctx.actor, input.amount, stripeFromEnv())),
});

export const platformRouter = createTRPCRouter({
  isOperator: authedProcedure.query(({ ctx }) => isPlatformOperator(ctx.db, ctx.user.id)),
  desks: operatorProcedure.query(({ ctx }) => unsafeListDesksForOperators(ctx.db)),
  jobs: operatorProcedure.query(({ ctx }) => unsafeJobHealth(ctx.db)),
  plans: operatorProcedure.query(({ ctx }) => platformPlans(ctx.db)),
  updatePlan: operatorProcedure
    .input(planInput)
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.operator, input)),
  updateSettings: operatorProcedure
    .input(platformSettingsInput)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, input)),
  adjust: operatorProcedure
    .input(balanceAdjustmentInput)
    .mutation(({ ctx, input }) => adjustBalance(ctx.db, ctx.operator, input)),
  setStatus: operatorProcedure
    .input(deskStatusInput)
    .mutation(({ ctx, input }) => setDeskStatus(ctx.db, ctx.operator, input)),
});
