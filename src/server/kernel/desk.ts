import { claimGlobalKey } from "./global-keys";
import { sql } from "drizzle-orm";
import { billingAccounts } from "../billing/schema";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { tenants, type Desk } from "./schema";

// The desk row (`tenants`) is the kernel's: every domain reads it, and writes only its own columns
// through updateDesk. Row-level security lets a desk scope see only its own row, so no `where`.

export async function getDesk(tx: TenantDb): Promise<Desk> {
  const [desk] = await tx.select().from(tenants);
  if (!desk) throw new DeskError("NOT_FOUND", "desk.notFound");
  return desk;
}

/** Columns a domain may change on its desk's row (its plan, widget form, CSAT target, profile, setup). */
export type DeskPatch = Partial<Pick<Desk, "displayName" | "locale" | "timeZone" | "planId" | "widgetFields" | "csatTarget" | "setupCompletedAt" | "requireTwoFactor">>;

export async function updateDesk(tx: TenantDb, patch: DeskPatch): Promise<Desk> {
  const [updated] = await tx.update(tenants).set(patch).returning();
  if (!updated) throw new DeskError("NOT_FOUND", "desk.notFound");
  return updated;
}

/**
 * The next ticket number from the desk's counter. The row stays locked until the transaction
 * ends, which is what keeps numbers unique and gap-free under concurrent creation — so callers
 * take it as late as they can.
 */
export async function takeTicketNumber(tx: TenantDb): Promise<{ number: number; locale: Desk["locale"] }> {
  const [counter] = await tx
    .update(tenants)
    .set({ ticketCounter: sql`${tenants.ticketCounter} + 1` })
    .returning({ number: tenants.ticketCounter, locale: tenants.locale });
  if (!counter) throw new DeskError("NOT_FOUND", "desk.notFound");
  return counter;
}

/** The row of a new desk, inside the new desk's own scope; a taken address is the slug's field error. */
export async function insertDesk(tx: TenantDb, desk: typeof tenants.$inferInsert): Promise<void> {
  // The address is unique across desks through the directory; a taken one is the slug's field error.
  await tx.insert(tenants).values(desk);
  if (!(await claimGlobalKey(tx, "desk_slug", desk.slug, desk.id!))) throw new DeskError("CONFLICT", "slug.taken", { fields: { slug: "slug.taken" } });
}

/**
 * Locks the desk's billing account row until the transaction ends: the row every limit is counted
 * under. Ticket admission and plan changes take this row first too, so whatever else a
 * transaction locks after it, none of them waits on another in a circle.
 */
export async function lockBillingAccount(tx: TenantDb): Promise<void> {
  await tx.select({ tenantId: billingAccounts.tenantId }).from(billingAccounts).for("update");
}
