import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { tenants } from "../desks/schema";
import { DeskError } from "../errors";
import { activeAgentCount } from "../staff/service";
import { invitations } from "../staff/schema";
import { billingAccounts, plans } from "./schema";

/** The desk's plan as its limits see it. */
export async function deskPlan(tx: TenantDb) {
  const [row] = await tx
    .select({ id: plans.id, name: plans.name, agentSeats: plans.agentSeats, ticketsPerDay: plans.ticketsPerDay })
    .from(tenants)
    .innerJoin(plans, eq(plans.id, tenants.planId));
  if (!row) throw new DeskError("NOT_FOUND", "desk.notFound");
  return row;
}

/**
 * Staff seats in use: active members plus open invitations (an accepted invitation becomes a
 * member, so both count, or a desk could invite past its plan and accept later).
 */
export async function seatsInUse(tx: TenantDb): Promise<number> {
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  return (await activeAgentCount(tx)) + (open?.n ?? 0);
}

/**
 * Locks the desk's billing account row until the transaction ends: the row every limit is counted
 * under. Ticket admission and plan changes take this row first too, so whatever else a
 * transaction locks after it, none of them waits on another in a circle.
 */
export async function lockBillingAccount(tx: TenantDb): Promise<void> {
  await tx.select({ tenantId: billingAccounts.tenantId }).from(billingAccounts).for("update");
}

/**
 * Refuses one more staff seat beyond the plan's number. Counted under the billing account's lock,
 * so concurrent invitations, acceptances and reactivations take the last seat one at a time.
 */
export async function assertSeatAvailable(tx: TenantDb, options: { excludingOpenInvitation?: boolean } = {}): Promise<void> {
  await lockBillingAccount(tx);
  const plan = await deskPlan(tx);
  const used = (await seatsInUse(tx)) - (options.excludingOpenInvitation ? 1 : 0);
  if (used >= plan.agentSeats) {
    throw new DeskError("LIMIT_REACHED", "limits.seats", { params: { seats: plan.agentSeats, plan: plan.name } });
  }
}
