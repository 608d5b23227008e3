import { asc, eq } from "drizzle-orm";
import type { Database, TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { billingAccounts, plans, platformSettings } from "./schema";

// The platform's price list and settings (platform-wide tables, edited by operators), and a desk's
// account status set by hand.

export async function platformPlans(db: Database) {
  const [all, settings] = await Promise.all([db.select().from(plans).orderBy(asc(plans.position)), db.select().from(platformSettings)]);
  return { plans: all, settings: Object.fromEntries(settings.map((s) => [s.key, s.value])) as Record<string, number> };
}

export async function updatePlan(db: Database, _operator: { userId: string }, input: { id: string; name: string; dailyPrice: number; agentSeats: number; ticketsPerDay: number; optionsIncluded: boolean; optionDailyPrice: number }) {
  const [row] = await db.update(plans).set(input).where(eq(plans.id, input.id)).returning();
  if (!row) throw new DeskError("NOT_FOUND", "billing.planNotFound");
  return row;
}

export async function updateSettings(db: Database, input: { trialCredit: number; topUpMin: number; topUpMax: number }) {
  if (input.topUpMin > input.topUpMax) throw new DeskError("BAD_REQUEST", "billing.topUpBounds", { fields: { topUpMin: "billing.topUpBounds" } });
  for (const [key, value] of [["trial_credit", input.trialCredit], ["topup_min", input.topUpMin], ["topup_max", input.topUpMax]] as const) {
    await db.insert(platformSettings).values({ key, value }).onConflictDoUpdate({ target: platformSettings.key, set: { value, updatedAt: new Date() } });
  }
}

/** Suspends or resumes a desk's account by hand (a manual suspension is not lifted by a payment). */
export async function setAccountStatus(tx: TenantDb, status: "active" | "suspended"): Promise<void> {
  await tx
    .update(billingAccounts)
    .set({ status, suspendedAt: status === "suspended" ? new Date() : null, suspendedManually: status === "suspended" });
}
