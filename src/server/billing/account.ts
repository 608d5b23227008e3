import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { env } from "@/env";
import { recordEvent } from "../audit/service";
import type { TenantDb } from "../db/types";
import { tenants } from "../desks/schema";
import { DeskError } from "../errors";
import { announce } from "../realtime/bus";
import type { Actor } from "../staff/actor";
import { can } from "../staff/permissions";
import { tickets, type HeldReason } from "../tickets/schema";
import { addTimeline } from "../tickets/timeline";
import { addDays, billingDay } from "./days";
import { platformSetting, post } from "./ledger";
import { dailyPrice } from "./price";
import { billingAccounts, billingOptions, ledgerEntries, plans, type BillingOption } from "./schema";
import { lockBillingAccount, seatsInUse } from "./limits";
import { startSlaClocks } from "../sla/clocks";

export { dailyPrice };

/** A new desk's account: the trial credit (once, a ledger entry), billed from the next billing day. */
export async function openBillingAccount(tx: TenantDb, tenantId: string, timeZone: string) {
  await tx.insert(billingAccounts).values({ tenantId, balance: 0, billingStarts: addDays(billingDay(timeZone), 1) }).onConflictDoNothing();
  const trial = await platformSetting(tx, "trial_credit", 2000);
  if (trial > 0) await post(tx, tenantId, { kind: "trial", amount: trial, description: "Trial credit" });
}

async function account(tx: TenantDb) {
  const [row] = await tx
    .select({ account: billingAccounts, plan: plans, timeZone: tenants.timeZone })
    .from(billingAccounts)
    .innerJoin(tenants, eq(tenants.id, billingAccounts.tenantId))
    .innerJoin(plans, eq(plans.id, tenants.planId));
  if (!row) throw new DeskError("NOT_FOUND", "billing.noAccount");
  return row;
}

/** Whether the desk is paused: what every member may know (the balance and plan are the owner's). */
export async function deskPaused(tx: TenantDb): Promise<boolean> {
  const [row] = await tx.select({ status: billingAccounts.status }).from(billingAccounts);
  return row?.status === "suspended";
}

/** Whether the desk has an option (bought, or included in its plan). */
export async function hasOption(tx: TenantDb, option: BillingOption): Promise<boolean> {
  const { account: a, plan } = await account(tx);
  return plan.optionsIncluded || a.options.includes(option);
}

/** Refuses a feature the desk's plan does not include and it has not bought. */
export async function assertOption(tx: TenantDb, option: BillingOption): Promise<void> {
  if (!(await hasOption(tx, option))) throw new DeskError("FORBIDDEN", "billing.optionMissing", { params: { option } });
}

/**
 * Counts one new ticket against today's limit in one statement (the row lock orders concurrent
 * creations): it succeeds while the desk is active and under its plan's tickets per day, and
 * otherwise says why the ticket must be held.
 */
export async function admitTicket(tx: TenantDb, tenantId: string): Promise<HeldReason | null> {
  const [desk] = await tx
    .select({ timeZone: tenants.timeZone, limit: plans.ticketsPerDay })
    .from(tenants)
    .innerJoin(plans, eq(plans.id, tenants.planId))
    .where(eq(tenants.id, tenantId));
  if (!desk) return null;
  const today = billingDay(desk.timeZone);
  const counted = await tx
    .update(billingAccounts)
    .set({
      ticketsDay: today,
      ticketsToday: sql`case when ${billingAccounts.ticketsDay} = ${today} then ${billingAccounts.ticketsToday} + 1 else 1 end`,
    })
    .where(
      and(
        eq(billingAccounts.tenantId, tenantId),
        eq(billingAccounts.status, "active"),
        sql`(${billingAccounts.ticketsDay} is distinct from ${today} or ${billingAccounts.ticketsToday} < ${desk.limit})`,
      ),
    )
    .returning({ n: billingAccounts.ticketsToday });
  if (counted.length) return null;
  const [state] = await tx.select({ status: billingAccounts.status }).from(billingAccounts).where(eq(billingAccounts.tenantId, tenantId));
  if (!state) return null; // no account (cannot happen after migration 0008): nothing to enforce
  return state.status === "suspended" ? "suspended" : "plan_limit";
}

/**
 * Releases tickets held for billing (suspension, the day's limit), oldest first, as far as today's
 * limit allows; each one counts against it like a new ticket. Run after a top-up, an upgrade, and
 * by the daily job.
 */
export async function releaseBillingHolds(tx: TenantDb, tenantId: string): Promise<number> {
  const held = await tx
    .select()
    .from(tickets)
    .where(and(inArray(tickets.heldReason, ["plan_limit", "suspended"]), sql`${tickets.deletedAt} is null`))
    .orderBy(asc(tickets.id))
    .limit(1000);
  let released = 0;
  for (const ticket of held) {
    if ((await admitTicket(tx, tenantId)) !== null) break;
    await tx.update(tickets).set({ heldReason: null, lastActivityAt: new Date() }).where(eq(tickets.id, ticket.id));
    await startSlaClocks(tx, ticket.id);
    await addTimeline(tx, ticket, null, "released", { reason: ticket.heldReason });
    await announce(tx, { tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "created" });
    released += 1;
  }
  return released;
}

function assertOwner(actor: Actor) {
  if (!can(actor.access, "desk.billing")) throw new DeskError("FORBIDDEN", "permission.denied");
}

/** Billing for the owner: plan, options, balance and days left, today's usage, the plans to move to. */
export async function billingOverview(tx: TenantDb, actor: Actor) {
  assertOwner(actor);
  const { account: a, plan, timeZone } = await account(tx);
  const price = dailyPrice(plan, a.options);
  const today = billingDay(timeZone);
  const all = await tx.select().from(plans).orderBy(asc(plans.position));
  const [open] = await tx.select({ n: sql<number>`count(*)::int` }).from(tickets).where(inArray(tickets.heldReason, ["plan_limit", "suspended"]));
  return {
    status: a.status,
    suspendedAt: a.suspendedAt,
    suspendedManually: a.suspendedManually,
    balance: a.balance,
    currency: env.BILLING_CURRENCY,
    dailyPrice: price,
    daysLeft: price > 0 ? Math.floor(a.balance / price) : null,
    lowBalance: price > 0 && a.balance < price * 5,
    chargedThrough: a.chargedThrough,
    billingStarts: a.billingStarts,
    plan: { id: plan.id, name: plan.name, agentSeats: plan.agentSeats, ticketsPerDay: plan.ticketsPerDay, optionsIncluded: plan.optionsIncluded },
    options: a.options,
    usage: { seats: await seatsInUse(tx), ticketsToday: a.ticketsDay === today ? a.ticketsToday : 0, held: open?.n ?? 0 },
    plans: all.map((p) => ({ ...p, priceWithOptions: dailyPrice(p, a.options) })),
    allOptions: billingOptions,
    paymentsConfigured: Boolean(env.STRIPE_SECRET_KEY),
    topUp: { min: await platformSetting(tx, "topup_min", 500), max: await platformSetting(tx, "topup_max", 100_000) },
  };
}

/** The ledger, newest first, keyset-paginated by id. */
export async function listLedger(tx: TenantDb, actor: Actor, page: { cursor: string | null; limit: number }) {
  assertOwner(actor);
  const rows = await tx
    .select()
    .from(ledgerEntries)
    .where(page.cursor ? lt(ledgerEntries.id, page.cursor) : undefined)
    .orderBy(desc(ledgerEntries.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const entries = more ? rows.slice(0, page.limit) : rows;
  return { entries, nextCursor: more ? entries[entries.length - 1]!.id : null };
}

/**
 * Changes the plan and options; the new price applies from the next billing day. Moving to a plan
 * with fewer seats than are in use is refused with what must change first; more room releases
 * tickets held for today's limit at once.
 */
export async function changePlan(tx: TenantDb, actor: Actor, input: { planId: string; options: BillingOption[] }) {
  assertOwner(actor);
  await lockBillingAccount(tx);
  const [plan] = await tx.select().from(plans).where(eq(plans.id, input.planId));
  if (!plan) throw new DeskError("BAD_REQUEST", "billing.planNotFound", { fields: { planId: "billing.planNotFound" } });
  const seats = await seatsInUse(tx);
  if (seats > plan.agentSeats) {
    throw new DeskError("CONFLICT", "billing.downgradeSeats", { params: { seats, allowed: plan.agentSeats, plan: plan.name }, fields: { planId: "billing.downgradeSeats" } });
  }
  const options = plan.optionsIncluded ? [] : [...new Set(input.options)];
  const before = await account(tx);
  // Today was charged at the old price and the new limits apply at once: a dearer plan pays the
  // difference for today (so switching up and back within a day is never free).
  const difference = dailyPrice(plan, options) - dailyPrice(before.plan, before.account.options);
  const today = billingDay(before.timeZone);
  if (difference > 0 && before.account.chargedThrough && before.account.chargedThrough >= today) {
    await post(tx, actor.tenantId, { kind: "adjustment", amount: -difference, description: `Plan change: the difference for ${today}`, details: { day: today, plan: plan.id, options }, createdByUserId: actor.userId });
  }
  await tx.update(tenants).set({ planId: plan.id }).where(eq(tenants.id, actor.tenantId));
  await tx.update(billingAccounts).set({ options }).where(eq(billingAccounts.tenantId, actor.tenantId));
  await recordEvent(tx, actor, {
    action: "billing.planChanged",
    objectType: "desk",
    objectId: actor.tenantId,
    summary: { before: { plan: before.plan.id, options: before.account.options }, after: { plan: plan.id, options }, dailyPrice: dailyPrice(plan, options) },
  });
  const released = await releaseBillingHolds(tx, actor.tenantId);
  return { dailyPrice: dailyPrice(plan, options), released };
}
