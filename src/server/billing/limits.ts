import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { tenants } from "../desks/schema";
import { DeskError } from "../errors";
import { activeAgentCount } from "../staff/service";
import { invitations } from "../staff/schema";
import { plans } from "./schema";

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

/** Refuses one more staff seat beyond the plan's number. */
export async function assertSeatAvailable(tx: TenantDb, options: { excludingOpenInvitation?: boolean } = {}): Promise<void> {
  const plan = await deskPlan(tx);
  const used = (await seatsInUse(tx)) - (options.excludingOpenInvitation ? 1 : 0);
  if (used >= plan.agentSeats) {
    throw new DeskError("LIMIT_REACHED", "limits.seats", { params: { seats: plan.agentSeats, plan: plan.name } });
  }
}
