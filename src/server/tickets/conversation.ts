import { listFollowers } from "./followers";
import { and, asc, eq, sql } from "drizzle-orm";
import { renderMacros, unknownMacros } from "@/lib/macros";
import { users } from "../auth/schema";
import { customers } from "../customers/schema";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import { DeskError } from "../errors";
import { attachFiles, filesOfTicket } from "../files/service";
import { issueCustomerLink } from "../customers/links";
import { mailReply } from "../customers/mail";
import { ratingsOfTicket } from "../ratings/service";
import { announce } from "../kernel/live";
import type { Actor } from "../kernel/actor";
import { memberships } from "../staff/schema";
import { ticketFor } from "./access";
import { ticketEvents, ticketMessages, tickets } from "./schema";
import { addTimeline } from "./timeline";
import { solvedAtAfter } from "./timings";
import { slaAfterReply } from "./sla-clocks";
import { slaClocksOf } from "../sla/view";
import { recordEvent } from "../kernel/events";
import { mailOriginalsOfTicket } from "../outbox/mail-log";
import { priorities, type TicketStatus } from "./values";

/** The whole ticket as the panel shows it: messages and timeline, interleaved by the client. */
export async function getTicket(tx: TenantDb, actor: Actor, ticketId: string) {
  const ticket = await ticketFor(tx, actor, ticketId);
  const [customer] = await tx.select().from(customers).where(eq(customers.id, ticket.customerId));
  const [department] = await tx.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, ticket.departmentId));
  const staff = await tx
    .select({ membershipId: memberships.id, name: users.name, avatarColor: users.avatarColor })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId));
  const names = new Map(staff.map((s) => [s.membershipId, s]));
  const [messages, events, attachments] = await Promise.all([
    tx.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id)).orderBy(asc(ticketMessages.id)),
    tx.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id)).orderBy(asc(ticketEvents.id)),
    filesOfTicket(tx, ticket.id),
  ]);
  const originals = await mailOriginalsOfTicket(tx, ticket.id);
  return {
    ticket: { ...ticket, priority: priorities[ticket.priority] ?? "normal", searchConfig: undefined, search: undefined },
    customer: customer!,
    department: department!,
    assignee: ticket.assigneeMembershipId ? (names.get(ticket.assigneeMembershipId) ?? null) : null,
    messages: messages.map(({ search: _s, searchConfig: _c, ...m }) => ({
      ...m,
      authorName: m.authorMembershipId ? (names.get(m.authorMembershipId)?.name ?? null) : null,
      attachments: attachments.filter((a) => a.messageId === m.id),
      /** The original e-mail this message was imported from, viewable as it arrived. */
      mailOriginalId: originals.get(m.id)?.id ?? null,
      /** Why an imported mail joined this ticket (reply address, In-Reply-To, …) or started it ("new"). */
      matchedBy: originals.get(m.id)?.matchedBy ?? null,
      spamReason: originals.get(m.id)?.spamReason ?? null,
    })),
    events: events.map((e) => ({ ...e, actorName: e.actorMembershipId ? (names.get(e.actorMembershipId)?.name ?? null) : null })),
    /** Customers' ratings of the replies: owners and admins only, empty for everyone else. */
    ratings: await ratingsOfTicket(tx, actor, ticket.id),
    sla: await slaClocksOf(tx, ticket),
    followers: await listFollowers(tx, ticket.id),
  };
}

/** Values of the reply macros for this ticket and author. */
export async function macroValuesFor(tx: TenantDb, actor: Actor, ticketId: string) {
  const [row] = await tx
    .select({
      number: tickets.number,
      subject: tickets.subject,
      customerName: customers.name,
      customerEmail: customers.email,
      departmentName: departments.name,
      deskName: tenants.displayName,
    })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .innerJoin(departments, eq(departments.id, tickets.departmentId))
    .innerJoin(tenants, eq(tenants.id, tickets.tenantId))
    .where(eq(tickets.id, ticketId));
  const [agent] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  return {
    "customer.name": row!.customerName || row!.customerEmail,
    "customer.email": row!.customerEmail,
    "ticket.number": String(row!.number),
    "ticket.subject": row!.subject,
    "agent.name": agent?.name ?? "",
    "desk.name": row!.deskName,
    "department.name": row!.departmentName,
  };
}

export type ReplyInput = {
  ticketId: string;
  body: string;
  kind: "reply" | "note";
  expectedVersion: number;
  setStatus?: TicketStatus | null;
  addTags?: string[];
  attachmentIds?: string[];
};

/**
 * A public reply or a private note. Macros are substituted now (an unknown one refuses the whole
 * reply, so none is ever sent raw); the author's signature ends a public reply. The conversation
 * version guards against writing over a colleague: if someone added a message since the author
 * loaded the ticket, the reply is refused and the client keeps the draft.
 */
export async function replyToTicket(tx: TenantDb, actor: Actor, input: ReplyInput) {
  const ticket = await ticketFor(tx, actor, input.ticketId, "ticket.reply");
  if (ticket.deletedAt) throw new DeskError("CONFLICT", "ticket.inTrash");
  if (ticket.version !== input.expectedVersion) {
    throw new DeskError("CONFLICT", "ticket.changedSinceLoaded", { params: { version: ticket.version } });
  }
  const unknown = unknownMacros(input.body);
  if (unknown.length > 0) {
    throw new DeskError("BAD_REQUEST", "macros.unknown", { fields: { body: "macros.unknown" }, params: { macros: unknown.map((m) => `{{${m}}}`).join(", ") } });
  }
  let body = renderMacros(input.body, await macroValuesFor(tx, actor, ticket.id));
  if (input.kind === "reply") {
    const [membership] = await tx.select({ signature: memberships.signature }).from(memberships).where(eq(memberships.id, actor.membershipId));
    if (membership?.signature.trim()) body = `${body}\n\n${membership.signature.trim()}`;
  }
  const [message] = await tx
    .insert(ticketMessages)
    .values({
      tenantId: actor.tenantId,
      ticketId: ticket.id,
      kind: input.kind,
      authorMembershipId: actor.membershipId,
      body,
      channel: "panel",
      searchConfig: ticket.searchConfig,
    })
    .returning();
  await attachFiles(tx, actor, input.attachmentIds ?? [], ticket.id, message!.id);
  const nextStatus = input.setStatus ?? (input.kind === "reply" && (ticket.status === "new" || ticket.status === "open") ? "pending" : ticket.status === "new" ? "open" : ticket.status);
  const tags = [...new Set([...ticket.tags, ...(input.addTags ?? [])])];
  const now = new Date();
  await tx
    .update(tickets)
    .set({
      version: sql`${tickets.version} + 1`,
      status: nextStatus,
      tags,
      lastActivityAt: now,
      // The first public reply is the desk's first response; later replies never move it.
      firstResponseAt: input.kind === "reply" ? (ticket.firstResponseAt ?? now) : ticket.firstResponseAt,
      solvedAt: solvedAtAfter(ticket.status, nextStatus, ticket.solvedAt, now),
    })
    .where(and(eq(tickets.id, ticket.id), eq(tickets.version, ticket.version)));
  await slaAfterReply(tx, ticket.id, input.kind, ticket.status, nextStatus);
  if (nextStatus !== ticket.status) await addTimeline(tx, ticket, actor.membershipId, "status", { from: ticket.status, to: nextStatus });
  if (tags.length !== ticket.tags.length) await addTimeline(tx, ticket, actor.membershipId, "tags", { from: ticket.tags, to: tags });
  await recordEvent(tx, actor, {
    action: input.kind === "reply" ? "ticket.replied" : "ticket.noted",
    objectType: "ticket",
    objectId: ticket.id,
    summary: { number: ticket.number },
  });
  if (input.kind === "reply") await mailReplyToCustomer(tx, actor, ticket.id, body, message!.id);
  await announce(tx, { tenantId: actor.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "message" });
  return { message: message!, version: ticket.version + 1, status: nextStatus };
}

/**
 * The customer gets the reply by mail, with the ticket's tag in the subject for threading, a fresh
 * private link to the ticket and the "Rate this answer" link (which opens a page; only submitting
 * the form there records a rating, so mail scanners that follow links rate nothing).
 */
async function mailReplyToCustomer(tx: TenantDb, actor: Actor, ticketId: string, body: string, messageId: string) {
  const [ticket] = await tx.select({ id: tickets.id, number: tickets.number, subject: tickets.subject, customerId: tickets.customerId }).from(tickets).where(eq(tickets.id, ticketId));
  const link = await issueCustomerLink(tx, actor.tenantId, { customerId: ticket!.customerId, ticketId });
  await mailReply(tx, actor.tenantId, { ticket: ticket!, body, linkUrl: link.url, messageId });
}
