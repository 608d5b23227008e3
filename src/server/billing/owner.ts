import { updateDesk, lockBillingAccount } from "../kernel/desk";
import { asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { env } from "@/env";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { tickets } from "../tickets/schema";
import { billingDay } from "./days";
import { platformSetting, post } from "./ledger";
import { dailyPrice } from "@/lib/daily-price";
import { billingAccounts, ledgerEntries, plans } from "./schema";
import { seatsInUse } from "../staff/seats";
import { recordEvent } from "../kernel/events";
import { account } from "./account";
import { billingOptions, type BillingOption } from "./values";

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
  await updateDesk(tx, { planId: plan.id });
  await tx.update(billingAccounts).set({ options }).where(eq(billingAccounts.tenantId, actor.tenantId));
  await recordEvent(tx, actor, {
    action: "billing.planChanged",
    objectType: "desk",
    objectId: actor.tenantId,
    summary: { before: { plan: before.plan.id, options: before.account.options }, after: { plan: plan.id, options }, dailyPrice: dailyPrice(plan, options) },
  });
  return { dailyPrice: dailyPrice(plan, options) };
}
