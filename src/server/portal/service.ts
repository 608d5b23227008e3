import { restoreForCustomer, setStatusForCustomer } from "../tickets/customer-side";
import { RATING_EDIT_DAYS, saveRating } from "../ratings/service";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { users } from "../auth/schema";
import { customers } from "../customers/schema";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import { DeskError } from "../errors";
import type { Upload } from "../files/service";
import { appendCustomerMessage } from "../tickets/customer-message";
import { files } from "../files/schema";
import { ratings } from "../ratings/schema";
import { memberships } from "../staff/schema";
import { ticketMessages, tickets, type Ticket } from "./../tickets/schema";
import { type ResolvedLink } from "../tenancy/public";

/** The ticket a link opens: its own, or (a "check my ticket" link) any of the customer's by number. */
async function ticketOfLink(tx: TenantDb, link: ResolvedLink, number?: number | null, options: { inTrash?: boolean } = {}): Promise<Ticket> {
  const [ticket] = await tx
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.customerId, link.customerId),
        link.ticketId ? eq(tickets.id, link.ticketId) : eq(tickets.number, number ?? -1),
        options.inTrash ? undefined : sql`${tickets.deletedAt} is null`,
      ),
    );
  if (!ticket) throw new DeskError("NOT_FOUND", "portal.notFound");
  return ticket;
}

/**
 * What the customer sees at /t/TOKEN: the desk, and either the one ticket with its public
 * conversation (customer messages and public replies, never notes), or the list of their tickets.
 * Whoever typed an address in the widget holds a link to that ticket, so nothing the desk stored
 * about the customer (the name on their record) is shown: their own messages are simply theirs
 * (authorName null), and the address is the one they typed.
 */
export async function portalView(tx: TenantDb, link: ResolvedLink, number?: number | null) {
  const [desk] = await tx.select({ displayName: tenants.displayName, slug: tenants.slug, locale: tenants.locale }).from(tenants).where(eq(tenants.id, link.tenantId));
  const [customer] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, link.customerId));
  if (!link.ticketId && number == null) {
    const list = await tx
      .select({ number: tickets.number, subject: tickets.subject, status: tickets.status, createdAt: tickets.createdAt, lastActivityAt: tickets.lastActivityAt })
      .from(tickets)
      .where(and(eq(tickets.customerId, link.customerId), sql`${tickets.deletedAt} is null`, sql`${tickets.mergedIntoTicketId} is null`))
      .orderBy(desc(tickets.id))
      .limit(200);
    return { desk: desk!, customer: customer!, tickets: list, ticket: null };
  }
  const ticket = await ticketOfLink(tx, link, number);
  const messages = await tx
    .select({
      id: ticketMessages.id,
      kind: ticketMessages.kind,
      body: ticketMessages.body,
      createdAt: ticketMessages.createdAt,
      authorName: users.name,
    })
    .from(ticketMessages)
    .leftJoin(memberships, eq(memberships.id, ticketMessages.authorMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(ticketMessages.ticketId, ticket.id), ne(ticketMessages.kind, "note")))
    .orderBy(asc(ticketMessages.id));
  const ids = messages.map((m) => m.id);
  const [attachments, given] = ids.length
    ? await Promise.all([
        tx.select({ id: files.id, messageId: files.messageId, fileName: files.fileName, size: files.size }).from(files).where(inArray(files.messageId, ids)),
        tx.select().from(ratings).where(inArray(ratings.messageId, ids)),
      ])
    : [[], []];
  const [department] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, ticket.departmentId));
  const now = Date.now();
  return {
    desk: desk!,
    customer: customer!,
    tickets: null,
    ticket: {
      number: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      departmentName: department?.name ?? "",
      createdAt: ticket.createdAt,
      version: ticket.version,
      messages: messages.map((m) => {
        const rating = given.find((r) => r.messageId === m.id) ?? null;
        return {
          ...m,
          authorName: m.kind === "reply" ? (m.authorName ?? desk!.displayName) : null,
          attachments: attachments.filter((a) => a.messageId === m.id).map(({ id, fileName, size }) => ({ id, fileName, size })),
          rating: rating && { quality: rating.quality, speed: rating.speed, comment: rating.comment, createdAt: rating.createdAt },
          rateable: m.kind === "reply" && (!rating || now - rating.createdAt.getTime() < RATING_EDIT_DAYS * 86_400_000),
        };
      }),
    },
  };
}
export type PortalView = Awaited<ReturnType<typeof portalView>>;

/**
 * The customer writes on their ticket page: a customer message with attachments. A solved or
 * closed ticket opens again, a pending one goes back to the agents; the timeline and the live
 * inbox hear of it.
 */
export async function portalReply(tx: TenantDb, link: ResolvedLink, input: { number?: number | null; body: string }, uploads: Upload[]) {
  // Nothing the customer writes is lost: a ticket in the trash comes back with the message, and a
  // ticket merged into another (of the same customer) takes it on the ticket it became.
  let ticket = await ticketOfLink(tx, link, input.number, { inTrash: true });
  if (ticket.mergedIntoTicketId) {
    const [target] = await tx.select().from(tickets).where(and(eq(tickets.id, ticket.mergedIntoTicketId), eq(tickets.customerId, link.customerId)));
    if (target) ticket = target;
  }
  if (ticket.deletedAt) ticket = await restoreForCustomer(tx, ticket);
  return appendCustomerMessage(tx, ticket, { customerId: link.customerId, body: input.body, channel: "widget", uploads });
}

/** The customer closes their ticket, or opens it again. */
export async function portalSetStatus(tx: TenantDb, link: ResolvedLink, input: { number?: number | null; status: "closed" | "open" }) {
  const ticket = await ticketOfLink(tx, link, input.number);
  if (ticket.status === input.status) return { status: ticket.status };
  if (input.status === "open" && ticket.status !== "solved" && ticket.status !== "closed") return { status: ticket.status };
  await setStatusForCustomer(tx, ticket, input.status);
  return { status: input.status };
}

/**
 * The customer rates one public reply on a ticket their link opens. One rating per reply: a second
 * submission changes it, for RATING_EDIT_DAYS after it was first given.
 */
export async function rateReply(
  tx: TenantDb,
  link: ResolvedLink,
  input: { number?: number | null; messageId: string; quality: number; speed: number; comment: string },
) {
  const ticket = await ticketOfLink(tx, link, input.number);
  const [message] = await tx
    .select({ id: ticketMessages.id, authorMembershipId: ticketMessages.authorMembershipId })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.id, input.messageId), eq(ticketMessages.ticketId, ticket.id), eq(ticketMessages.kind, "reply")));
  if (!message) throw new DeskError("NOT_FOUND", "rating.notRateable");
  return saveRating(tx, { ticket, messageId: message.id, agentMembershipId: message.authorMembershipId }, input);
}

/** The customer of this desk with this email, if any: for "check my ticket". */
export async function customerByEmail(tx: TenantDb, email: string) {
  const [row] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.email, email.trim().toLowerCase()));
  return row ?? null;
}

