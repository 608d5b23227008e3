import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { billingOptions } from "./values";
// Pure zod: the forms import this file too.

/** An amount of money in minor units. */
export const money = z.number("billing.amountInvalid").int("billing.amountInvalid");
/** The largest amount of one top-up, credit, debit or platform setting, in minor units. */
export const largestAmount = 10_000_000;
/** The largest daily price of a plan or an option, in minor units. */
export const largestDailyPrice = 1_000_000;
export const largestAgentSeats = 10_000;
export const largestTicketsPerDay = 1_000_000;
export const adjustmentReasonMax = 300;

/** The plan and options a desk's owner chooses. */
export const planChoice = { planId: textInput().min(1).max(40), options: z.array(z.enum(billingOptions)).max(3) };
export const topUpAmount = money.min(1, "billing.amountInvalid").max(largestAmount, "billing.amountInvalid");

/** The operator's edit of a plan. */
export const planInput = z.strictObject({
  id: textInput().min(1).max(40),
  name: textInput().trim().min(1, "name.required").max(60, "name.tooLong"),
  dailyPrice: money.min(0, "billing.amountInvalid").max(largestDailyPrice, "billing.amountInvalid"),
  agentSeats: z.number().int().min(1, "billing.limitInvalid").max(largestAgentSeats, "billing.limitInvalid"),
  ticketsPerDay: z.number().int().min(1, "billing.limitInvalid").max(largestTicketsPerDay, "billing.limitInvalid"),
  optionsIncluded: z.boolean(),
  optionDailyPrice: money.min(0, "billing.amountInvalid").max(largestDailyPrice, "billing.amountInvalid"),
});

/** The trial credit of new desks and the bounds of a top-up. */
export const platformSettingsFields = {
  trialCredit: money.min(0, "billing.amountInvalid").max(largestAmount, "billing.amountInvalid"),
  topUpMin: money.min(1, "billing.amountInvalid").max(largestAmount, "billing.amountInvalid"),
  topUpMax: money.min(1, "billing.amountInvalid").max(largestAmount, "billing.amountInvalid"),
};
/** The smallest top-up may not exceed the largest (the error on the smallest). */
export const inTopUpOrder = <S extends z.ZodType<{ topUpMin: number; topUpMax: number }>>(schema: S): S =>
  schema.refine((s) => s.topUpMin <= s.topUpMax, { message: "billing.topUpBounds", path: ["topUpMin"] });
export const platformSettingsInput = inTopUpOrder(z.strictObject(platformSettingsFields));

/** An operator's credit (positive) or debit (negative) of a desk's balance, with the reason. */
export const balanceAdjustmentInput = z.strictObject({
  tenantId: z.uuid("desk.notFound"),
  amount: money.min(-largestAmount, "billing.amountInvalid").max(largestAmount, "billing.amountInvalid").refine((n) => n !== 0, "billing.amountInvalid"),
  reason: textInput().trim().min(3, "billing.reasonRequired").max(adjustmentReasonMax, "billing.reasonTooLong"),
});

export const deskStatusInput = z.strictObject({ tenantId: z.uuid("desk.notFound"), status: z.enum(["active", "suspended"]) });
