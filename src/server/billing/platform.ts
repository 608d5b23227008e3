import { asc, eq, sql } from "drizzle-orm";
import { env } from "@/env";
import { recordEvent } from "../audit/service";
import { users } from "../auth/schema";
import type { Database } from "../db/types";
import { withTenant } from "../db/tenant";
import { tenants } from "../desks/schema";
import { DeskError } from "../errors";
import { releaseBillingHolds } from "./account";
import { chargeDesk } from "./charge";
import { post } from "./ledger";
import { billingAccounts, plans, platformSettings } from "./schema";

/**
 * Platform operators: the people whose email is listed in PLATFORM_ADMINS and verified (an
 * address someone signed up with but never proved theirs gives nothing).
 */
export async function isPlatformOperator(db: Database, userId: string): Promise<boolean> {
  const [user] = await db.select({ email: users.email, verified: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  if (!user?.verified) return false;
  return env.PLATFORM_ADMINS.split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
    .includes(user.email.toLowerCase());
}

export type Operator = { userId: string; email: string; ip: string | null };

/**
 * Every desk with its plan, balance, status and today's usage: the operator console's one
 * cross-desk read (platform figures only, no tickets or people), for PLATFORM_ADMINS only.
 */
export async function unsafeListDesksForOperators(db: Database) {
  return db
    .select({
      tenantId: tenants.id,
      slug: tenants.slug,
      name: tenants.displayName,
      planId: tenants.planId,
      planName: plans.name,
      balance: billingAccounts.balance,
      status: billingAccounts.status,
      chargedThrough: billingAccounts.chargedThrough,
      ticketsToday: billingAccounts.ticketsToday,
      ticketsDay: billingAccounts.ticketsDay,
      agents: sql<number>`(select count(*)::int from memberships m where m.tenant_id = ${tenants.id} and m.active)`,
      createdAt: tenants.createdAt,
    })
    .from(tenants)
    .innerJoin(plans, eq(plans.id, tenants.planId))
    .leftJoin(billingAccounts, eq(billingAccounts.tenantId, tenants.id))
    .orderBy(asc(tenants.slug))
    .limit(1000);
}

export async function platformPlans(db: Database) {
  const [all, settings] = await Promise.all([db.select().from(plans).orderBy(asc(plans.position)), db.select().from(platformSettings)]);
  return { plans: all, settings: Object.fromEntries(settings.map((s) => [s.key, s.value])) as Record<string, number> };
}

export async function updatePlan(db: Database, operator: Operator, input: { id: string; name: string; dailyPrice: number; agentSeats: number; ticketsPerDay: number; optionsIncluded: boolean; optionDailyPrice: number }) {
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

/** A manual credit or debit with a reason: a ledger entry in the desk and an event in its log. */
export async function adjustBalance(db: Database, operator: Operator, input: { tenantId: string; amount: number; reason: string }) {
  return withTenant(db, input.tenantId, async (tx) => {
    const done = await post(tx, input.tenantId, { kind: "adjustment", amount: input.amount, description: input.reason, createdByUserId: operator.userId, details: { operator: operator.email } });
    await recordEvent(tx, { tenantId: input.tenantId, userId: operator.userId, ip: operator.ip }, {
      action: "billing.adjusted",
      objectType: "desk",
      objectId: input.tenantId,
      summary: { amount: input.amount, reason: input.reason, operator: operator.email },
    });
    if (input.amount > 0) await chargeDesk(tx, input.tenantId);
    return done;
  });
}

/** Suspends or resumes a desk by hand (a resumed desk's held tickets are released). */
export async function setDeskStatus(db: Database, operator: Operator, input: { tenantId: string; status: "active" | "suspended" }) {
  return withTenant(db, input.tenantId, async (tx) => {
    await tx
      .update(billingAccounts)
      .set({ status: input.status, suspendedAt: input.status === "suspended" ? new Date() : null, suspendedManually: input.status === "suspended" })
      .where(eq(billingAccounts.tenantId, input.tenantId));
    await recordEvent(tx, { tenantId: input.tenantId, userId: operator.userId, ip: operator.ip }, {
      action: input.status === "suspended" ? "billing.suspended" : "billing.resumed",
      objectType: "desk",
      objectId: input.tenantId,
      summary: { operator: operator.email },
    });
    // Resumed by hand: the balance must still pay the due days, or the next run pauses it again.
    if (input.status === "active") {
      await chargeDesk(tx, input.tenantId);
      await releaseBillingHolds(tx, input.tenantId);
    }
  });
}
