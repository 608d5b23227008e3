import { ticketNumberInSubject } from "@/lib/ticket-tag";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { customers } from "../customers/schema";
import type { TenantDb } from "../db/types";
import { atPlatformDomain, readLocalPart, replyTokenValid } from "../outbox/identity";
import { mailMessages } from "../outbox/schema";
import { ticketFollowers, tickets, type Ticket } from "../tickets/schema";
import type { IncomingMail } from "./parse";
import type { MatchedByValue } from "../outbox/values";

export type MatchedBy = Exclude<MatchedByValue, "new">;

/** Who wrote a mail that joins a ticket: its requester, or one of its followers. */
export type ThreadAuthor = { kind: "requester" } | { kind: "follower"; email: string; name: string | null };

export type Thread = { ticket: Ticket; matchedBy: MatchedBy; author: ThreadAuthor };

/**
 * The ticket an incoming message belongs to, and why, in layers: the ticket's own reply address
 * (its token cannot be guessed or used for another ticket or desk), then In-Reply-To and
 * References naming a message of the ticket, then the [DESK-1042] tag in the subject. Only the
 * ticket's requester or one of its followers joins it this way; when the mail names a ticket but
 * comes from anyone else (a forged In-Reply-To, a forwarded thread), `repliedTo` says which one,
 * and the importer opens a new ticket that links to it.
 */
export async function findThread(tx: TenantDb, mail: IncomingMail, desk: { id: string; slug: string }, recipients: string[]): Promise<{ thread: Thread | null; repliedTo: Ticket | null }> {
  const candidates: { ticket: Ticket; matchedBy: MatchedBy }[] = [];
  const byNumber = async (number: number) => (await tx.select().from(tickets).where(and(eq(tickets.number, number), isNull(tickets.deletedAt))))[0] ?? null;

  for (const token of replyTokens(recipients, desk.slug)) {
    const ticket = await byNumber(token.ticketNumber);
    if (ticket && replyTokenValid(desk.id, ticket.id, token.mac)) candidates.push({ ticket, matchedBy: "reply_address" });
  }
  const ids = [mail.inReplyTo, ...mail.references.slice().reverse()].filter((id): id is string => Boolean(id));
  if (ids.length) {
    const known = await tx.select({ messageId: mailMessages.messageId, ticketId: mailMessages.ticketId }).from(mailMessages).where(inArray(mailMessages.messageId, ids));
    const ticketIds = [...new Set(known.flatMap((k) => (k.ticketId ? [k.ticketId] : [])))];
    const found = ticketIds.length ? await tx.select().from(tickets).where(and(inArray(tickets.id, ticketIds), isNull(tickets.deletedAt))) : [];
    for (const id of ids) {
      const hit = known.find((k) => k.messageId === id && k.ticketId);
      const ticket = hit ? found.find((t) => t.id === hit.ticketId) : undefined;
      if (ticket) candidates.push({ ticket, matchedBy: id === mail.inReplyTo ? "message_id" : "references" });
    }
  }
  const tagged = ticketNumberInSubject(desk.slug, mail.subject);
  const taggedTicket = tagged !== null ? await byNumber(tagged) : null;
  if (taggedTicket) candidates.push({ ticket: taggedTicket, matchedBy: "subject_tag" });

  for (const candidate of candidates) {
    const author = await authorOf(tx, candidate.ticket, mail.from);
    if (author) return { thread: { ...candidate, author }, repliedTo: null };
  }
  return { thread: null, repliedTo: candidates[0]?.ticket ?? null };
}

/** Reply addresses of this desk among the recipients: <desk>+t<number>-<token>@INBOUND_MAIL_DOMAIN. */
function replyTokens(recipients: string[], slug: string) {
  return recipients.flatMap((address) => {
    const [local] = address.toLowerCase().split("@");
    const parsed = atPlatformDomain(address) && local ? readLocalPart(local) : null;
    return parsed && parsed.slug === slug && parsed.ticketNumber !== null && parsed.mac ? [{ ticketNumber: parsed.ticketNumber, mac: parsed.mac }] : [];
  });
}

async function authorOf(tx: TenantDb, ticket: Ticket, from: string): Promise<ThreadAuthor | null> {
  const [requester] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, ticket.customerId));
  if (requester?.email.toLowerCase() === from) return { kind: "requester" };
  const [follower] = await tx.select({ email: ticketFollowers.email, name: ticketFollowers.name }).from(ticketFollowers).where(and(eq(ticketFollowers.ticketId, ticket.id), eq(ticketFollowers.email, from)));
  return follower ? { kind: "follower", email: follower.email, name: follower.name } : null;
}

/** A bounce names the message it returns (In-Reply-To, References, or a Message-ID in its report). */
export async function bounceTarget(tx: TenantDb, mail: IncomingMail): Promise<Ticket | null> {
  const quoted = [...mail.fullText.matchAll(/Message-ID:\s*(<[^>\s]+>)/gi)].map((m) => m[1]!);
  const ids = [mail.inReplyTo, ...mail.references, ...quoted].filter((id): id is string => Boolean(id));
  if (!ids.length) return null;
  const [hit] = await tx.select({ ticketId: mailMessages.ticketId }).from(mailMessages).where(and(inArray(mailMessages.messageId, ids), eq(mailMessages.direction, "out")));
  if (!hit?.ticketId) return null;
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, hit.ticketId));
  return ticket ?? null;
}
