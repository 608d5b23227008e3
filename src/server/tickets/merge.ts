import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { announce } from "../kernel/live";
import type { Actor } from "../kernel/actor";
import { ticketFor } from "./access";
import { createTicketRow } from "./split-row";
import { ticketEvents, ticketMessages, tickets } from "./schema";
import { addTimeline } from "./timeline";
import { slaStatusChanged, startSlaClocks } from "./sla-clocks";
import { recordEvent } from "../kernel/events";

/**
 * Merges ticket B (source) into A (target): B's messages move to A, B is closed with a link to A.
 * The moved message ids are kept on the timeline, so the merge can be undone exactly.
 */
export async function mergeTickets(tx: TenantDb, actor: Actor, sourceId: string, targetId: string): Promise<void> {
  if (sourceId === targetId) throw new DeskError("BAD_REQUEST", "ticket.mergeSelf");
  const source = await ticketFor(tx, actor, sourceId, "ticket.manage");
  const target = await ticketFor(tx, actor, targetId, "ticket.manage");
  if (source.mergedIntoTicketId || target.mergedIntoTicketId) throw new DeskError("CONFLICT", "ticket.alreadyMerged");
  // Each requester follows their ticket on a private page: merging two people's tickets would show
  // one the other's conversation. Only one requester's tickets merge.
  if (source.customerId !== target.customerId) throw new DeskError("BAD_REQUEST", "ticket.mergeOtherRequester");
  const moved = await tx
    .update(ticketMessages)
    .set({ ticketId: target.id })
    .where(eq(ticketMessages.ticketId, source.id))
    .returning({ id: ticketMessages.id });
  const messageIds = moved.map((m) => m.id);
  await tx.update(tickets).set({ status: "closed", mergedIntoTicketId: target.id, version: sql`${tickets.version} + 1` }).where(eq(tickets.id, source.id));
  await slaStatusChanged(tx, source.id, source.status, "closed");
  await tx
    .update(tickets)
    .set({ version: sql`${tickets.version} + 1`, lastActivityAt: new Date(), tags: [...new Set([...target.tags, ...source.tags])] })
    .where(eq(tickets.id, target.id));
  await addTimeline(tx, source, actor.membershipId, "merged_into", { ticketId: target.id, number: target.number });
  await addTimeline(tx, target, actor.membershipId, "merged_from", { ticketId: source.id, number: source.number, messageIds, sourceStatus: source.status });
  await recordEvent(tx, actor, { action: "ticket.merged", objectType: "ticket", objectId: target.id, summary: { number: target.number, source: source.number } });
  await announce(tx, { tenantId: actor.tenantId, ticketId: target.id, departmentId: target.departmentId, kind: "updated" });
}

/** Undoes the latest merge into `targetId` from `sourceId`: the messages go back, B reopens. */
export async function unmergeTickets(tx: TenantDb, actor: Actor, targetId: string, sourceId: string): Promise<void> {
  const target = await ticketFor(tx, actor, targetId, "ticket.manage");
  const source = await ticketFor(tx, actor, sourceId, "ticket.manage");
  if (source.mergedIntoTicketId !== target.id) throw new DeskError("CONFLICT", "ticket.notMerged");
  const [merge] = await tx
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, target.id), eq(ticketEvents.type, "merged_from"), sql`${ticketEvents.data}->>'ticketId' = ${source.id}`))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  const messageIds = (merge?.data.messageIds as string[] | undefined) ?? [];
  if (messageIds.length > 0) {
    await tx
      .update(ticketMessages)
      .set({ ticketId: source.id })
      .where(and(eq(ticketMessages.ticketId, target.id), inArray(ticketMessages.id, messageIds)));
  }
  const restoredStatus = (merge?.data.sourceStatus as typeof source.status | undefined) ?? "open";
  await tx.update(tickets).set({ mergedIntoTicketId: null, status: restoredStatus === "closed" ? "open" : restoredStatus, version: sql`${tickets.version} + 1` }).where(eq(tickets.id, source.id));
  await tx.update(tickets).set({ version: sql`${tickets.version} + 1` }).where(eq(tickets.id, target.id));
  await addTimeline(tx, target, actor.membershipId, "unmerged", { ticketId: source.id, number: source.number, messageIds });
  await addTimeline(tx, source, actor.membershipId, "unmerged", { ticketId: target.id, number: target.number, messageIds });
  await recordEvent(tx, actor, { action: "ticket.unmerged", objectType: "ticket", objectId: target.id, summary: { number: target.number, source: source.number } });
  await announce(tx, { tenantId: actor.tenantId, ticketId: target.id, departmentId: target.departmentId, kind: "updated" });
}

/** Moves one message of a ticket into a new ticket of its own (same customer and department). */
export async function splitMessage(tx: TenantDb, actor: Actor, ticketId: string, messageId: string, subject: string) {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.manage");
  const [message] = await tx.select().from(ticketMessages).where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticket.id)));
  if (!message) throw new DeskError("NOT_FOUND", "ticket.messageNotFound");
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id));
  if ((count?.n ?? 0) < 2) throw new DeskError("CONFLICT", "ticket.splitLastMessage");
  const created = await createTicketRow(tx, ticket, subject);
  await startSlaClocks(tx, created.id);
  await tx.update(ticketMessages).set({ ticketId: created.id }).where(eq(ticketMessages.id, message.id));
  await tx.update(tickets).set({ version: sql`${tickets.version} + 1` }).where(eq(tickets.id, ticket.id));
  await addTimeline(tx, ticket, actor.membershipId, "split_to", { ticketId: created.id, number: created.number, messageId });
  await addTimeline(tx, created, actor.membershipId, "split_from", { ticketId: ticket.id, number: ticket.number, messageId });
  await recordEvent(tx, actor, { action: "ticket.split", objectType: "ticket", objectId: created.id, summary: { number: created.number, from: ticket.number } });
  await announce(tx, { tenantId: actor.tenantId, ticketId: created.id, departmentId: created.departmentId, kind: "created" });
  return created;
}
