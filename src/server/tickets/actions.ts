import { eq, sql } from "drizzle-orm";
import { notifyAssigned } from "../staff/notifications";
import { issueCustomerLink } from "../customers/links";
import { mailTicketSolved } from "../customers/mail";
import { savepoint } from "../db/tenant";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";
import { announce } from "../kernel/live";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { memberships } from "../staff/schema";
import { ticketFor } from "./access";
import { ticketMessages, tickets, type Ticket } from "./schema";
import { setTicketPriority } from "./priority";
import { addTimeline } from "./timeline";
import { solvedAtAfter } from "./timings";
import { slaPolicyMayChange, slaStatusChanged, slaTrashChanged, startSlaClocks } from "./sla-clocks";
import { recordEvent } from "../kernel/events";
import { priorities, type Priority, type TicketStatus } from "./values";

export type TicketChanges = {
  status?: TicketStatus;
  priority?: Priority;
  assigneeMembershipId?: string | null;
  tags?: string[];
};

async function finish(tx: TenantDb, actor: Actor, ticket: Ticket, action: string, summary: Record<string, unknown>, departmentId = ticket.departmentId) {
  await recordEvent(tx, actor, { action, objectType: "ticket", objectId: ticket.id, summary: { number: ticket.number, ...summary } });
  await announce(tx, { tenantId: actor.tenantId, ticketId: ticket.id, departmentId, kind: "updated" });
}

/** Status, priority, assignee and tags: each change lands on the timeline and in the event log. */
export async function updateTicket(tx: TenantDb, actor: Actor, ticketId: string, changes: TicketChanges): Promise<void> {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.reply");
  if (ticket.deletedAt) throw new DeskError("CONFLICT", "ticket.inTrash");
  const set: Partial<typeof tickets.$inferInsert> = {};
  const summary: Record<string, unknown> = {};
  if (changes.status && changes.status !== ticket.status) {
    set.status = changes.status;
    set.solvedAt = solvedAtAfter(ticket.status, changes.status, ticket.solvedAt);
    await addTimeline(tx, ticket, actor.membershipId, "status", { from: ticket.status, to: changes.status });
    summary.status = { from: ticket.status, to: changes.status };
    // The customer hears that it is solved, with the link to come back (a held ticket stays quiet).
    if (changes.status === "solved" && !ticket.heldReason) {
      const link = await issueCustomerLink(tx, actor.tenantId, { customerId: ticket.customerId, ticketId: ticket.id });
      await mailTicketSolved(tx, actor.tenantId, ticket, link.url);
    }
  }
  if (changes.priority && (await setTicketPriority(tx, ticket, changes.priority, "manual", actor.membershipId))) {
    summary.priority = { from: priorities[ticket.priority], to: changes.priority };
  }
  if (changes.assigneeMembershipId !== undefined && changes.assigneeMembershipId !== ticket.assigneeMembershipId) {
    if (changes.assigneeMembershipId) {
      const [assignee] = await tx.select().from(memberships).where(eq(memberships.id, changes.assigneeMembershipId));
      if (!assignee?.active) throw new DeskError("BAD_REQUEST", "staff.notFound");
    }
    set.assigneeMembershipId = changes.assigneeMembershipId;
    if (ticket.status === "new" && changes.assigneeMembershipId && !set.status) set.status = "open";
    await addTimeline(tx, ticket, actor.membershipId, "assignee", { from: ticket.assigneeMembershipId, to: changes.assigneeMembershipId });
    summary.assignee = { from: ticket.assigneeMembershipId, to: changes.assigneeMembershipId };
    if (changes.assigneeMembershipId && !ticket.heldReason) await notifyAssigned(tx, ticket, changes.assigneeMembershipId, actor);
  }
  if (changes.tags) {
    const tags = [...new Set(changes.tags)];
    if (tags.join("\u0000") !== ticket.tags.join("\u0000")) {
      set.tags = tags;
      await addTimeline(tx, ticket, actor.membershipId, "tags", { from: ticket.tags, to: tags });
      summary.tags = { from: ticket.tags, to: tags };
    }
  }
  // A priority change alone is already written (setTicketPriority) but still needs its log entry.
  if (Object.keys(set).length === 0 && Object.keys(summary).length === 0) return;
  if (Object.keys(set).length > 0) await tx.update(tickets).set({ ...set, lastActivityAt: new Date() }).where(eq(tickets.id, ticket.id));
  if (set.status) await slaStatusChanged(tx, ticket.id, ticket.status, set.status);
  await finish(tx, actor, ticket, "ticket.updated", summary);
}

/** Sends the ticket to another department, with a private note saying why. */
export async function forwardTicket(tx: TenantDb, actor: Actor, ticketId: string, departmentId: string, note: string | null): Promise<void> {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.manage");
  if (departmentId === ticket.departmentId) return;
  const [target] = await tx.select().from(departments).where(eq(departments.id, departmentId));
  if (!target || target.archivedAt) throw new DeskError("BAD_REQUEST", "department.notFound");
  // Whoever was assigned may not work the new department: the ticket arrives there unassigned.
  await tx
    .update(tickets)
    .set({ departmentId, assigneeMembershipId: null, lastActivityAt: new Date(), version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, ticket.id));
  await slaPolicyMayChange(tx, ticket.id);
  await addTimeline(tx, ticket, actor.membershipId, "department", { from: ticket.departmentId, to: departmentId, toName: target.name, note });
  if (note?.trim()) {
    await tx.insert(ticketMessages).values({
      tenantId: actor.tenantId,
      ticketId: ticket.id,
      kind: "note",
      authorMembershipId: actor.membershipId,
      body: note.trim(),
      channel: "panel",
      searchConfig: ticket.searchConfig,
    });
  }
  await finish(tx, actor, ticket, "ticket.forwarded", { from: ticket.departmentId, to: departmentId });
  await announce(tx, { tenantId: actor.tenantId, ticketId: ticket.id, departmentId, kind: "updated" });
}

/** To the trash (restorable), back, or (admins, from the trash only) gone for good. */
export async function trashTicket(tx: TenantDb, actor: Actor, ticketId: string, trashed: boolean): Promise<void> {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.manage");
  if (Boolean(ticket.deletedAt) === trashed) return;
  const now = new Date();
  await tx.update(tickets).set({ deletedAt: trashed ? now : null }).where(eq(tickets.id, ticket.id));
  // The trash pauses the SLA clocks; a restore resumes them, pushed by the time spent there.
  await slaTrashChanged(tx, ticket.id, now);
  await addTimeline(tx, ticket, actor.membershipId, trashed ? "trashed" : "restored");
  await finish(tx, actor, ticket, trashed ? "ticket.trashed" : "ticket.restored", {});
}

export async function purgeTicket(tx: TenantDb, actor: Actor, ticketId: string): Promise<void> {
  if (!can(actor.access, "ticket.purge")) throw new DeskError("FORBIDDEN", "permission.denied");
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.manage");
  if (!ticket.deletedAt) throw new DeskError("CONFLICT", "ticket.notInTrash");
  await tx.delete(tickets).where(eq(tickets.id, ticket.id));
  await finish(tx, actor, ticket, "ticket.purged", { subject: ticket.subject });
}

/** Applies one action to many tickets; each is checked on its own and reported. */
export async function bulkUpdate(
  tx: TenantDb,
  actor: Actor,
  ticketIds: string[],
  action: { type: "update"; changes: TicketChanges } | { type: "trash" } | { type: "restore" },
): Promise<{ done: string[]; refused: string[] }> {
  const done: string[] = [];
  const refused: string[] = [];
  for (const id of ticketIds) {
    try {
      await savepoint(tx, async (scoped) => {
        if (action.type === "update") await updateTicket(scoped, actor, id, action.changes);
        else await trashTicket(scoped, actor, id, action.type === "trash");
      });
      done.push(id);
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      refused.push(id);
    }
  }
  return { done, refused };
}


/** Lets a held ticket in: it joins the queues as if it had just arrived. */
export async function releaseTicket(tx: TenantDb, actor: Actor, ticketId: string): Promise<void> {
  if (!can(actor.access, "desk.settings")) throw new DeskError("FORBIDDEN", "permission.denied");
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.manage");
  if (!ticket.heldReason) return;
  await tx.update(tickets).set({ heldReason: null, lastActivityAt: new Date() }).where(eq(tickets.id, ticket.id));
  await startSlaClocks(tx, ticket.id);
  await addTimeline(tx, ticket, actor.membershipId, "released", { reason: ticket.heldReason });
  await recordEvent(tx, actor, { action: "ticket.released", objectType: "ticket", objectId: ticket.id, summary: { number: ticket.number, reason: ticket.heldReason } });
  await announce(tx, { tenantId: actor.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "created" });
}
