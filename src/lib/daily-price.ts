import type { Plan } from "@/server/billing/schema";

/**
 * What a day of this plan with these options costs, in minor units (options are free on a plan
 * that includes them). Pure: the Billing page shows the new price with it before a change.
 */
export const dailyPrice = (plan: Pick<Plan, "dailyPrice" | "optionsIncluded" | "optionDailyPrice">, options: readonly string[]) =>
  plan.dailyPrice + (plan.optionsIncluded ? 0 : options.length * plan.optionDailyPrice);
