import { setAccountStatus } from "../billing/plans";
import { asc, eq, sql } from "drizzle-orm";
import { env } from "@/env";
import { users } from "../auth/schema";
import type { Database } from "../db/types";
import { tenants } from "../kernel/schema";
import { post } from "../billing/ledger";
import { billingAccounts, plans } from "../billing/schema";
import { recordEvent } from "../kernel/events";
import { asOperator } from "../tenancy/platform";
import { chargeAndRelease, releaseBillingHolds } from "../tickets/held";

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

/** A manual credit or debit with a reason: a ledger entry in the desk and an event in its log. */
export async function adjustBalance(db: Database, operator: Operator, input: { tenantId: string; amount: number; reason: string }) {
  return asOperator(db, operator, input.tenantId, async (tx) => {
    const done = await post(tx, input.tenantId, { kind: "adjustment", amount: input.amount, description: input.reason, createdByUserId: operator.userId, details: { operator: operator.email } });
    await recordEvent(tx, { tenantId: input.tenantId, userId: operator.userId, ip: operator.ip }, {
      action: "billing.adjusted",
      objectType: "desk",
      objectId: input.tenantId,
      summary: { amount: input.amount, reason: input.reason, operator: operator.email },
    });
    if (input.amount > 0) await chargeAndRelease(tx, input.tenantId);
    return done;
  });
}

/** Suspends or resumes a desk by hand (a resumed desk's held tickets are released). */
export async function setDeskStatus(db: Database, operator: Operator, input: { tenantId: string; status: "active" | "suspended" }) {
  return asOperator(db, operator, input.tenantId, async (tx) => {
    await setAccountStatus(tx, input.status);
    await recordEvent(tx, { tenantId: input.tenantId, userId: operator.userId, ip: operator.ip }, {
      action: input.status === "suspended" ? "billing.suspended" : "billing.resumed",
      objectType: "desk",
      objectId: input.tenantId,
      summary: { operator: operator.email },
    });
    // Resumed by hand: the balance must still pay the due days, or the next run pauses it again.
    if (input.status === "active") {
      await chargeAndRelease(tx, input.tenantId);
      await releaseBillingHolds(tx, input.tenantId);
    }
  });
}
