import { eq, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { announce } from "../kernel/live";
import { tickets, type Ticket } from "./schema";
import { slaStatusChanged, slaTrashChanged } from "./sla-clocks";
import { solvedAtAfter } from "./timings";
import { addTimeline } from "./timeline";

// What a customer does to their own ticket from its page, with no account: the timeline says
// "by the customer", and the clocks and the live inbox follow as for any change.

/** A ticket in the trash comes back when its customer writes on it: nothing they send is lost. */
export async function restoreForCustomer(tx: TenantDb, ticket: Ticket): Promise<Ticket> {
  await tx.update(tickets).set({ deletedAt: null }).where(eq(tickets.id, ticket.id));
  await slaTrashChanged(tx, ticket.id);
  await addTimeline(tx, ticket, null, "restored", { by: "customer" });
  return { ...ticket, deletedAt: null };
}

/** The customer closes their ticket, or opens it again. */
export async function setStatusForCustomer(tx: TenantDb, ticket: Ticket, status: "closed" | "open"): Promise<void> {
  await tx
    .update(tickets)
    .set({ status, version: sql`${tickets.version} + 1`, lastActivityAt: new Date(), solvedAt: solvedAtAfter(ticket.status, status, ticket.solvedAt) })
    .where(eq(tickets.id, ticket.id));
  await slaStatusChanged(tx, ticket.id, ticket.status, status);
  await addTimeline(tx, ticket, null, "status", { from: ticket.status, to: status, by: "customer" });
  if (!ticket.heldReason) await announce(tx, { tenantId: ticket.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "updated" });
}
