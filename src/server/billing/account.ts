import { and, eq, isNull, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { tenants } from "../kernel/schema";
import { DeskError } from "../errors";
import { addDays, billingDay } from "./days";
import { platformSetting, post } from "./ledger";
import { billingAccounts, plans } from "./schema";
import { type BillingOption } from "./values";
import { type HeldReason } from "../tickets/values";


/** A new desk's account, billed from the next billing day; the trial credit comes with a proven owner. */
export async function openBillingAccount(tx: TenantDb, tenantId: string, timeZone: string) {
  await tx.insert(billingAccounts).values({ tenantId, balance: 0, billingStarts: addDays(billingDay(timeZone), 1) }).onConflictDoNothing();
}

/**
 * The trial credit, once per desk (a ledger entry unique per desk): given when the owner's address
 * is confirmed, so desks signed up with addresses nobody reads cannot be farmed for credit.
 */
export async function grantTrialCredit(tx: TenantDb, tenantId: string): Promise<boolean> {
  const trial = await platformSetting(tx, "trial_credit", 2000);
  return trial > 0 && (await post(tx, tenantId, { kind: "trial", amount: trial, description: "Trial credit" })) !== null;
}

/** The plan chosen in the setup wizard is charged from the next billing day in the desk's time zone. */
export async function startChargingTomorrow(tx: TenantDb, timeZone: string): Promise<void> {
  await tx
    .update(billingAccounts)
    .set({ billingStarts: addDays(billingDay(timeZone), 1) })
    .where(isNull(billingAccounts.chargedThrough));
}

export async function account(tx: TenantDb) {
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
