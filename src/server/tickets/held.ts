import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { admitTicket } from "../billing/account";
import { chargeDesk } from "../billing/charge";
import { changePlan } from "../billing/owner";
import type { Actor } from "../kernel/actor";
import type { TenantDb } from "../db/types";
import { announce } from "../kernel/live";
import { tickets } from "./schema";
import { startSlaClocks } from "./sla-clocks";
import { addTimeline } from "./timeline";
import { type BillingOption } from "../billing/values";

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

// Billing decides when a desk may take tickets again; these let the held ones in, in the same
// transaction, so a payment or an upgrade and the tickets it admits commit together.

/** Charges a desk for the days due and, when it may take tickets, lets its held ones in. */
export async function chargeAndRelease(tx: TenantDb, tenantId: string, now: Date = new Date()) {
  const result = await chargeDesk(tx, tenantId, now);
  if (result.mayRelease) await releaseBillingHolds(tx, tenantId);
  return result;
}

/** The owner's plan change; a plan with room lets held tickets in at once. */
export async function changePlanAndRelease(tx: TenantDb, actor: Actor, input: { planId: string; options: BillingOption[] }) {
  const changed = await changePlan(tx, actor, input);
  return { ...changed, released: await releaseBillingHolds(tx, actor.tenantId) };
}
