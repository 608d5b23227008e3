import { TRPCError } from "@trpc/server";
import { authedProcedure, createTRPCRouter, deskInput, deskProcedure, pageInput } from "../trpc";
import { billingOverview, changePlan, deskPaused, listLedger } from "./account";
import { adjustBalance, isPlatformOperator, unsafeListDesksForOperators, platformPlans, setDeskStatus, updatePlan, updateSettings } from "./platform";
import { balanceAdjustmentInput, deskStatusInput, planChoice, planInput, platformSettingsInput, topUpAmount } from "./inputs";
import { startTopUp, stripeFromEnv } from "./stripe";

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
    .mutation(({ ctx, input }) => changePlan(ctx.tx, ctx.actor, input)),
  topUp: deskProcedure
    .input(deskInput({ amount: topUpAmount }))
    .mutation(({ ctx, input }) => startTopUp(ctx.tx, ctx.actor, input.amount, stripeFromEnv())),
});

/** The platform operator's console: people whose email is in PLATFORM_ADMINS. */
const operatorProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!(await isPlatformOperator(ctx.db, ctx.user.id))) throw new TRPCError({ code: "FORBIDDEN", message: "permission.denied" });
  return next({ ctx: { ...ctx, operator: { userId: ctx.user.id, email: ctx.user.email, ip: ctx.ip } } });
});

export const platformRouter = createTRPCRouter({
  isOperator: authedProcedure.query(({ ctx }) => isPlatformOperator(ctx.db, ctx.user.id)),
  desks: operatorProcedure.query(({ ctx }) => unsafeListDesksForOperators(ctx.db)),
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
