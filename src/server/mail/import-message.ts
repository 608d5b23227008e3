import { and, count, eq, gt, isNull } from "drizzle-orm";
import { cutText } from "@/lib/text-input";
import type { TenantDb } from "../db/types";
import { defaultDepartment } from "../departments/service";
import { departments } from "../departments/schema";
import { issueCustomerLink } from "../customers/links";
import { mailTicketReceived } from "../customers/mail";
import { getDesk } from "../kernel/desk";
import { atPlatformDomain, deskAddress, platformSender } from "../outbox/identity";
import { recordIncomingMail } from "../outbox/mail-log";
import { mailMessages } from "../outbox/schema";
import type { MailOutcome, MatchedByValue } from "../outbox/values";
import { createTicket } from "../tickets/create";
import { addMailNote, appendCustomerMessage, noteAutomaticReply } from "../tickets/customer-message";
import { addFollowers } from "../tickets/followers";
import { ticketMessages, type Ticket } from "../tickets/schema";
import { addTimeline } from "../tickets/timeline";
import type { ImportOptions } from "./inbound";
import { parseMail, type IncomingMail } from "./parse";
import { storeMailParts } from "./parts";
import { mailboxes } from "./schema";
import { ensureMailSettings } from "./settings";
import { spamReason } from "./spam";
import { confirmForwardedSendingAddress } from "./sending";
import { bounceTarget, findThread } from "./threading";

export type ImportOutcome = { outcome: MailOutcome; ticketNumber?: number };

/**
 * What one incoming message becomes, in this order:
 * - a duplicate (the same Message-ID already imported): nothing;
 * - mail from one of the desk's own addresses: kept, never answered (no loops);
 * - a bounce: a private note on the ticket it concerns, if any;
 * - an auto-reply (out of office, read receipt): an entry on the ticket it threads into, if any —
 *   never a message, a status change, an SLA clock or a mail;
 * - possible spam (DMARC fails, or the receiving server said so): a new ticket held in "Possible
 *   spam", answered by nobody;
 * - a reply by the ticket's requester or one of its followers, found by the ticket's reply address,
 *   In-Reply-To, References or the subject tag: a customer message on that ticket;
 * - otherwise a new ticket (linked to the one it replied to, when a stranger answered a thread) and
 *   the acknowledgement mail.
 * People in To and Cc (not the desk's own addresses) become the ticket's followers. A part that
 * cannot be kept is listed on the message as withheld; it never sinks the message.
 */
export async function importParsed(tx: TenantDb, tenantId: string, raw: Buffer, rawKey: string, options: ImportOptions): Promise<ImportOutcome> {
  const mail = await parseMail(raw);
  if (!mail.from) throw new Error("The message has no sender address.");
  const [already] = await tx.select({ id: mailMessages.id }).from(mailMessages).where(and(eq(mailMessages.direction, "in"), eq(mailMessages.messageId, mail.messageId)));
  if (already) return { outcome: "duplicate" };
  const settings = await ensureMailSettings(tx, tenantId);
  const desk = await getDesk(tx);
  const spam = spamReason(mail, options.authResults, settings.trustedSenders);
  const record = (outcome: MailOutcome, extra: { ticketId?: string; ticketMessageId?: string; matchedBy?: MatchedByValue } = {}) =>
    recordIncomingMail(tx, {
      tenantId,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      fromAddress: mail.from,
      subject: mail.subject,
      rawKey,
      outcome,
      authResults: options.authResults ?? null,
      spamReason: spam,
      ...extra,
    });

  const own = await ownAddresses(tx, desk.slug, settings);
  // The desk's own address forwards here: the confirmation mail sent to it came back, which proves it.
  if (settings.sendingTokenHash && own.has(mail.from) && (await confirmForwardedSendingAddress(tx, tenantId, mail.fullText))) {
    await record("own_address");
    return { outcome: "own_address" };
  }
  if (own.has(mail.from)) {
    await record("own_address");
    return { outcome: "own_address" };
  }
  const recipients = [...(options.recipients ?? []), ...mail.to, ...mail.cc].map((a) => a.toLowerCase());
  const { thread, repliedTo } = await findThread(tx, mail, { id: tenantId, slug: desk.slug }, recipients);

  if (mail.auto === "bounce") {
    const concerned = thread?.ticket ?? (await bounceTarget(tx, mail));
    if (!concerned) {
      await record("bounce");
      return { outcome: "bounce" };
    }
    const note = await addMailNote(tx, concerned, `Delivery failure reported by ${mail.from}:\n\n${cutText(mail.text, 4000)}`);
    await record("bounce", { ticketId: concerned.id, ticketMessageId: note.id });
    return { outcome: "bounce", ticketNumber: concerned.number };
  }
  if (mail.auto === "auto_reply") {
    if (!thread) {
      await record("auto_reply");
      return { outcome: "auto_reply" };
    }
    await noteAutomaticReply(tx, thread.ticket, mail);
    await record("auto_reply", { ticketId: thread.ticket.id, matchedBy: thread.matchedBy });
    return { outcome: "auto_reply", ticketNumber: thread.ticket.number };
  }
  const followers = [...mail.to, ...mail.cc].filter((address) => address !== mail.from && !own.has(address) && !atPlatformDomain(address));

  if (thread && !spam) {
    const { ticket, author } = thread;
    const { messageId } = await appendCustomerMessage(tx, ticket, {
      customerId: ticket.customerId,
      body: mail.text || mail.subject || "(empty message)",
      channel: "mail",
      authorEmail: author.kind === "follower" ? author.email : null,
      withheld: mail.withheld,
    });
    await storeMailParts(tx, ticket, messageId, mail.attachments);
    await addFollowers(tx, ticket, followers.map((email) => ({ email })), { addedBy: "mail", actorMembershipId: null });
    await record("appended", { ticketId: ticket.id, ticketMessageId: messageId, matchedBy: thread.matchedBy });
    return { outcome: "appended", ticketNumber: ticket.number };
  }

  const ticket = await openTicket(tx, tenantId, mail, { departmentId: options.departmentId, settings, spam: Boolean(spam) });
  const [first] = await tx.select({ id: ticketMessages.id }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id)).limit(1);
  if (mail.withheld.length) await tx.update(ticketMessages).set({ withheld: mail.withheld }).where(eq(ticketMessages.id, first!.id));
  await storeMailParts(tx, ticket, first!.id, mail.attachments);
  const linked = repliedTo ?? thread?.ticket ?? null;
  if (linked) await addTimeline(tx, ticket, null, "mail_linked", { number: linked.number, ticketId: linked.id });
  if (!spam) await addFollowers(tx, ticket, followers.map((email) => ({ email })), { addedBy: "mail", actorMembershipId: null });
  await record("new_ticket", { ticketId: ticket.id, ticketMessageId: first!.id, matchedBy: "new" });
  if (!ticket.heldReason) {
    const link = await issueCustomerLink(tx, tenantId, { customerId: ticket.customerId, ticketId: ticket.id });
    await mailTicketReceived(tx, tenantId, ticket, link.url);
  }
  return { outcome: "new_ticket", ticketNumber: ticket.number };
}

/** A new ticket from mail: held as spam when flagged, or past the desk's hourly limit per sender. */
async function openTicket(
  tx: TenantDb,
  tenantId: string,
  mail: IncomingMail,
  context: { departmentId?: string | null; settings: { defaultDepartmentId: string | null; maxNewPerHour: number }; spam: boolean },
): Promise<Ticket> {
  const [recent] = await tx
    .select({ n: count() })
    .from(mailMessages)
    .where(and(eq(mailMessages.fromAddress, mail.from), eq(mailMessages.outcome, "new_ticket"), gt(mailMessages.createdAt, new Date(Date.now() - 3600_000))));
  const department = await departmentFor(tx, [context.departmentId, context.settings.defaultDepartmentId]);
  if (!department) throw new Error("The desk has no department to take mail.");
  return createTicket(
    tx,
    tenantId,
    {
      subject: mail.subject || cutText(mail.text.split("\n")[0] ?? "", 80) || "(no subject)",
      body: mail.text || "(empty message)",
      customer: { email: mail.from, name: mail.fromName || null },
      departmentId: department.id,
      channel: "mail",
      suspectedSpam: context.spam || (recent?.n ?? 0) >= context.settings.maxNewPerHour,
    },
    null,
  );
}

/** The department new mail goes to: the one asked for if it is still open, else the desk's default for mail, else the desk's default. */
async function departmentFor(tx: TenantDb, wanted: (string | null | undefined)[]): Promise<{ id: string } | null> {
  for (const id of wanted) {
    if (!id) continue;
    const [open] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, id), isNull(departments.archivedAt)));
    if (open) return open;
  }
  return defaultDepartment(tx);
}

/** Every address that is the desk itself: mail from them is never a customer's, and they never follow a ticket. */
async function ownAddresses(tx: TenantDb, slug: string, settings: { ownAddresses: string[]; sendingAddress: string | null }): Promise<Set<string>> {
  const mailboxAddresses = (await tx.select({ address: mailboxes.address }).from(mailboxes)).map((m) => m.address);
  return new Set(
    [...settings.ownAddresses, ...mailboxAddresses, settings.sendingAddress, deskAddress(slug), platformSender().address]
      .filter((a): a is string => Boolean(a))
      .map((a) => a.toLowerCase()),
  );
}
