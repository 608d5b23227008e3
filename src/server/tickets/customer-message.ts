import { eq, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { storeUpload, type Upload } from "../files/service";
import { announce } from "../kernel/live";
import { ticketMessages, tickets, type Ticket } from "./schema";
import { addTimeline } from "./timeline";
import { solvedAtAfter } from "./timings";
import { slaAfterCustomerMessage } from "./sla-clocks";
import { type Channel } from "./values";

/**
 * The customer writes again on their ticket (the ticket page, a mail reply): a customer message
 * with its attachments. A solved or closed ticket opens again and a pending one goes back to the
 * agents; the timeline and the live inbox hear of it.
 */
export async function appendCustomerMessage(
  tx: TenantDb,
  ticket: Ticket,
  input: { customerId: string; body: string; channel: Channel; uploads?: Upload[]; authorEmail?: string | null; withheld?: { fileName: string; reason: string }[] },
) {
  const [message] = await tx
    .insert(ticketMessages)
    .values({ tenantId: ticket.tenantId, ticketId: ticket.id, kind: "customer", customerId: input.customerId, body: input.body, channel: input.channel, searchConfig: ticket.searchConfig, authorEmail: input.authorEmail ?? null, withheld: input.withheld ?? [] })
    .returning({ id: ticketMessages.id });
  for (const upload of input.uploads ?? []) {
    await storeUpload(tx, { tenantId: ticket.tenantId, membershipId: null }, upload, { ticketId: ticket.id, messageId: message!.id });
  }
  const nextStatus = ticket.status === "new" ? "new" : "open";
  const now = new Date();
  await tx
    .update(tickets)
    .set({ version: sql`${tickets.version} + 1`, status: nextStatus, lastCustomerMessageAt: now, lastActivityAt: now, solvedAt: solvedAtAfter(ticket.status, nextStatus, ticket.solvedAt, now) })
    .where(eq(tickets.id, ticket.id));
  await slaAfterCustomerMessage(tx, ticket.id, ticket.status);
  if (nextStatus !== ticket.status) await addTimeline(tx, ticket, null, "status", { from: ticket.status, to: nextStatus, by: "customer" });
  if (!ticket.heldReason) await announce(tx, { tenantId: ticket.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "message" });
  return { messageId: message!.id };
}

/** A private note the mail system writes on a ticket (a delivery failure report): no author, no clocks. */
export async function addMailNote(tx: TenantDb, ticket: Ticket, body: string): Promise<{ id: string }> {
  const [note] = await tx
    .insert(ticketMessages)
    .values({ tenantId: ticket.tenantId, ticketId: ticket.id, kind: "note", body, channel: "mail", searchConfig: ticket.searchConfig })
    .returning({ id: ticketMessages.id });
  return note!;
}

/** Parts of a mail that could not join its message after all (refused when stored): listed on it. */
export async function addWithheld(tx: TenantDb, messageId: string, parts: { fileName: string; reason: string }[]): Promise<void> {
  if (!parts.length) return;
  await tx
    .update(ticketMessages)
    .set({ withheld: sql`${ticketMessages.withheld} || ${JSON.stringify(parts)}::jsonb` })
    .where(eq(ticketMessages.id, messageId));
}

/** An automatic reply (out of office, a read receipt) that threaded into the ticket: a timeline entry, nothing else. */
export async function noteAutomaticReply(tx: TenantDb, ticket: Ticket, mail: { from: string; subject: string }): Promise<void> {
  await addTimeline(tx, ticket, null, "auto_reply", { from: mail.from, subject: mail.subject.slice(0, 200) });
  if (!ticket.heldReason) await announce(tx, { tenantId: ticket.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "updated" });
}
