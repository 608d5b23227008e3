import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { authedProcedure, createTRPCRouter, deskInput, deskProcedure, pageInput, operatorProcedure } from "../trpc";
import { deskPaused } from "./account";
import { adjustBalance, isPlatformOperator, unsafeListDesksForOperators, setDeskStatus } from "../platform/operator";
import { billingOptions } from "./schema";
import { startTopUp, stripeFromEnv } from "./stripe";
import { changePlanAndRelease } from "../tickets/held";
import { billingOverview, listLedger } from "./owner";
import { platformPlans, updatePlan, updateSettings } from "./plans";

const money = z.number().int("billing.amountInvalid");

/** Billing for a desk's owner (FORBIDDEN for everyone else). */
export const billingRouter = createTRPCRouter({
  /** Every member's view of billing: only whether the desk is paused (for the panel's banner). */
  paused: deskProcedure.input(deskInput({})).query(({ ctx }) => deskPaused(ctx.tx)),
  overview: deskProcedure.input(deskInput({})).query(({ ctx }) => billingOverview(ctx.tx, ctx.actor)),
  ledger: deskProcedure
    .input(deskInput(pageInput))
    .query(({ ctx, input }) => listLedger(ctx.tx, ctx.actor, { cursor: input.cursor ?? null, limit: input.limit })),
  changePlan: deskProcedure
    .input(deskInput({ planId: textInput().min(1).max(40), options: z.array(z.enum(billingOptions)).max(3) }))
    .mutation(({ ctx, input }) => changePlanAndRelease(ctx.tx, ctx.actor, input)),
  topUp: deskProcedure
    .input(deskInput({ amount: money.min(1, "billing.amountInvalid").max(10_000_000, "billing.amountInvalid") }))
    .mutation(({ ctx, input }) => startTopUp(ctx.tx, ctx.actor, input.amount, stripeFromEnv())),
});

export const platformRouter = createTRPCRouter({
  isOperator: authedProcedure.query(({ ctx }) => isPlatformOperator(ctx.db, ctx.user.id)),
  desks: operatorProcedure.query(({ ctx }) => unsafeListDesksForOperators(ctx.db)),
  plans: operatorProcedure.query(({ ctx }) => platformPlans(ctx.db)),
  updatePlan: operatorProcedure
    .input(
      z.strictObject({
        id: textInput().min(1).max(40),
        name: textInput().trim().min(1, "name.required").max(60, "name.tooLong"),
        dailyPrice: money.min(0, "billing.amountInvalid").max(1_000_000, "billing.amountInvalid"),
        agentSeats: z.number().int().min(1, "billing.limitInvalid").max(10_000, "billing.limitInvalid"),
        ticketsPerDay: z.number().int().min(1, "billing.limitInvalid").max(1_000_000, "billing.limitInvalid"),
        optionsIncluded: z.boolean(),
        optionDailyPrice: money.min(0, "billing.amountInvalid").max(1_000_000, "billing.amountInvalid"),
      }),
    )
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.operator, input)),
  updateSettings: operatorProcedure
    .input(
      z.strictObject({
        trialCredit: money.min(0, "billing.amountInvalid").max(10_000_000, "billing.amountInvalid"),
        topUpMin: money.min(1, "billing.amountInvalid").max(10_000_000, "billing.amountInvalid"),
        topUpMax: money.min(1, "billing.amountInvalid").max(10_000_000, "billing.amountInvalid"),
      }),
    )
    .mutation(({ ctx, input }) => updateSettings(ctx.db, input)),
  adjust: operatorProcedure
    .input(
      z.strictObject({
        tenantId: z.uuid("desk.notFound"),
        amount: money.min(-10_000_000, "billing.amountInvalid").max(10_000_000, "billing.amountInvalid").refine((n) => n !== 0, "billing.amountInvalid"),
        reason: textInput().trim().min(3, "billing.reasonRequired").max(300, "billing.reasonTooLong"),
      }),
    )
    .mutation(({ ctx, input }) => adjustBalance(ctx.db, ctx.operator, input)),
  setStatus: operatorProcedure
    .input(z.strictObject({ tenantId: z.uuid("desk.notFound"), status: z.enum(["active", "suspended"]) }))
    .mutation(({ ctx, input }) => setDeskStatus(ctx.db, ctx.operator, input)),
});
