import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { tenants } from "../kernel/schema";
import { DeskError } from "../errors";
import { memberships } from "./schema";
import { lockBillingAccount } from "../kernel/desk";
import { invitations } from "./schema";
import { plans } from "../billing/schema";

/** The desk's plan as its limits see it. */
export async function deskPlan(tx: TenantDb) {
  const [row] = await tx
    .select({ id: plans.id, name: plans.name, agentSeats: plans.agentSeats, ticketsPerDay: plans.ticketsPerDay })
    .from(tenants)
    .innerJoin(plans, eq(plans.id, tenants.planId));
  if (!row) throw new DeskError("NOT_FOUND", "desk.notFound");
  return row;
}

/** Active staff seats, as the plan counts them: every active member works tickets. */
export async function activeAgentCount(tx: TenantDb): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.active, true));
  return row?.n ?? 0;
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
