import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { tenants } from "../kernel/schema";
import { enqueueMail } from "../outbox/outbox";
import { mailTranslator } from "../outbox/translate";
import { users } from "../auth/schema";
import { memberships } from "../staff/schema";
import { baseUrl } from "@/env";
import { dailyPrice } from "@/lib/daily-price";
import { addDays, billingDay, daysBetween } from "./days";
import { post } from "./ledger";
import { billingAccounts, plans } from "./schema";

export const LOW_BALANCE_DAYS = 5;

/**
 * Charges one desk for every billing day due up to today, in its time zone, oldest first, each
 * exactly once: the account row is locked, each charge is a ledger entry unique per desk and day,
 * and `chargedThrough` moves in the same transaction. A day the balance cannot pay suspends the
 * desk (and stops). A desk that can pay again is resumed, and `mayRelease` says its held tickets
 * may come in (chargeAndRelease in tickets/held.ts lets them). After a crash, the next run finds
 * the state it left and carries on.
 */
export async function chargeDesk(tx: TenantDb, tenantId: string, now: Date = new Date()) {
  const [row] = await tx
    .select({ account: billingAccounts, plan: plans, timeZone: tenants.timeZone, deskName: tenants.displayName, locale: tenants.locale })
    .from(billingAccounts)
    .innerJoin(tenants, eq(tenants.id, billingAccounts.tenantId))
    .innerJoin(plans, eq(plans.id, tenants.planId))
    .where(eq(billingAccounts.tenantId, tenantId))
    .for("update", { of: billingAccounts });
  if (!row) return { charged: 0, suspended: false, resumed: false, mayRelease: false };
  const { account, plan } = row;
  const price = dailyPrice(plan, account.options);
  const today = billingDay(row.timeZone, now);
  const due = account.chargedThrough ? addDays(account.chargedThrough, 1) : account.billingStarts;
  // Days a desk spent paused for want of money gave no service: a resumed desk pays from today.
  const from = account.status === "suspended" && !account.suspendedManually && due < today ? today : due;
  let charged = 0;
  let suspended = false;
  for (const day of daysBetween(from, today)) {
    const [current] = await tx.select({ balance: billingAccounts.balance }).from(billingAccounts).where(eq(billingAccounts.tenantId, tenantId));
    if (current!.balance < price) {
      suspended = true;
      break;
    }
    const done = await post(tx, tenantId, { kind: "charge", amount: -price, day, description: `${plan.name}${account.options.length && !plan.optionsIncluded ? ` + ${account.options.join(", ")}` : ""}`, details: { plan: plan.id, options: account.options } });
    await tx.update(billingAccounts).set({ chargedThrough: day }).where(eq(billingAccounts.tenantId, tenantId));
    if (done) charged += 1;
  }
  let resumed = false;
  if (suspended && account.status !== "suspended") {
    await tx.update(billingAccounts).set({ status: "suspended", suspendedAt: now }).where(eq(billingAccounts.tenantId, tenantId));
  } else if (!suspended && account.status === "suspended" && !account.suspendedManually) {
    await tx.update(billingAccounts).set({ status: "active", suspendedAt: null }).where(eq(billingAccounts.tenantId, tenantId));
    resumed = true;
  }
  await warnWhenLow(tx, tenantId, price, now, row);
  return { charged, suspended: suspended || (account.status === "suspended" && !resumed), resumed, mayRelease: !suspended && !account.suspendedManually };
}

/** Mails the owner once a day while the balance covers fewer than LOW_BALANCE_DAYS days. */
async function warnWhenLow(tx: TenantDb, tenantId: string, price: number, now: Date, desk: { deskName: string; locale: "en" | "ru" }) {
  const [a] = await tx.select().from(billingAccounts).where(eq(billingAccounts.tenantId, tenantId));
  if (!a || price <= 0 || a.balance >= price * LOW_BALANCE_DAYS) return;
  if (a.lowBalanceMailedAt && now.getTime() - a.lowBalanceMailedAt.getTime() < 20 * 3600_000) return;
  const [owner] = await tx
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.role, "owner"));
  if (!owner) return;
  const t = await mailTranslator(desk.locale);
  const [slug] = await tx.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId));
  await enqueueMail(tx, tenantId, {
    kind: "billing.lowBalance",
    to: owner.email,
    subject: t(a.status === "suspended" ? "billing.suspendedSubject" : "billing.lowSubject", { desk: desk.deskName }),
    text: t(a.status === "suspended" ? "billing.suspendedBody" : "billing.lowBody", { desk: desk.deskName, days: Math.floor(a.balance / price), link: `${baseUrl}/d/${slug!.slug}/billing` }),
  });
  await tx.update(billingAccounts).set({ lowBalanceMailedAt: now }).where(eq(billingAccounts.tenantId, tenantId));
}
