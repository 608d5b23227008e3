import { ticketNumberInSubject } from "@/lib/ticket-tag";
import { recordIncomingMail } from "../outbox/mail-log";
import { addMailNote } from "../tickets/customer-message";
import { and, count, eq, gt, inArray, isNull } from "drizzle-orm";
import { env } from "@/env";
import { newId } from "../db/columns";
import type { Database, TenantDb } from "../db/types";
import { savepoint } from "../db/tenant";
import { defaultDepartment } from "../departments/service";
import { customers } from "../customers/schema";
import { tenants } from "../kernel/schema";
import { storeUpload } from "../files/service";
import { readStoredFile, writeStoredFile } from "../files/storage";
import { departments } from "../departments/schema";
import { DeskError, uniqueViolation } from "../errors";
import { issueCustomerLink } from "../customers/links";
import { mailTicketReceived } from "../customers/mail";
import { createTicket } from "../tickets/create";
import { appendCustomerMessage } from "../tickets/customer-message";
import { ticketMessages, tickets, type Ticket } from "../tickets/schema";
import { parseMail, type IncomingMail } from "./parse";
import { mailboxes, mailFailures } from "./schema";
import { cutText } from "@/lib/text-input";
import { mailMessages } from "../outbox/schema";
import { unsafeDeskScope, type DeskScope } from "../tenancy/platform";
import { type MailOutcome } from "../outbox/values";
import { ensureMailSettings } from "./settings";

/**
 * The ticket an incoming message belongs to, and why: its In-Reply-To or References name a
 * message of ours or of the ticket; else the [DESK-1042] tag in the subject. Only the ticket's own
 * requester may join it this way — anyone else's "reply" opens a ticket of its own.
 */
async function threadOf(tx: TenantDb, mail: IncomingMail, slug: string): Promise<{ ticket: Ticket; matchedBy: string } | null> {
  const ids = [mail.inReplyTo, ...mail.references.slice().reverse()].filter((id): id is string => Boolean(id));
  const owns = async (ticketId: string) => {
    const [row] = await tx
      .select({ ticket: tickets })
      .from(tickets)
      .innerJoin(customers, eq(customers.id, tickets.customerId))
      .where(and(eq(tickets.id, ticketId), eq(customers.email, mail.from), isNull(tickets.deletedAt)));
    return row?.ticket ?? null;
  };
  if (ids.length) {
    const known = await tx.select({ messageId: mailMessages.messageId, ticketId: mailMessages.ticketId }).from(mailMessages).where(inArray(mailMessages.messageId, ids));
    for (const id of ids) {
      const hit = known.find((k) => k.messageId === id && k.ticketId);
      const ticket = hit ? await owns(hit.ticketId!) : null;
      if (ticket) return { ticket, matchedBy: id === mail.inReplyTo ? "message_id" : "references" };
    }
  }
  const tagged = ticketNumberInSubject(slug, mail.subject);
  if (tagged !== null) {
    const [byNumber] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, tagged));
    const ticket = byNumber ? await owns(byNumber.id) : null;
    if (ticket) return { ticket, matchedBy: "subject_tag" };
  }
  return null;
}

/**
 * Imports one raw message into the desk (forwarding address or an IMAP mailbox): parse, then one of
 * - a duplicate (the same Message-ID already imported): nothing happens;
 * - mail from the desk's own addresses: ignored (kept, never answered — no loops);
 * - a bounce: a private note on the ticket it concerns, if any;
 * - a reply on a thread of the requester's: a customer message on that ticket;
 * - an auto-reply: kept, but it never opens a ticket or gets an answer;
 * - otherwise a new ticket in the default department (held as spam past the hourly limit per
 *   sender; the stop-list and billing apply as for every channel) and a confirmation mail.
 * The raw message is stored first; any failure leaves it in Failed mail with the error.
 */
export type ImportOptions = {
  /** Where new tickets go (a mailbox's department); else the desk's default for mail. */
  departmentId?: string | null;
  /** The mailbox it came from, kept with a failure so a retry goes the same way. */
  mailboxId?: string | null;
  /** Runs in the transaction of the import, or of the failure record: how IMAP moves past a UID exactly once. */
  afterImport?: (tx: TenantDb) => Promise<void>;
};
type ImportResult = { outcome: MailOutcome | "failed"; ticketNumber?: number };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** The largest message taken in, by the forwarding address and from mailboxes alike. */
export const MAX_MAIL_BYTES = 30 * 1024 * 1024;

/** Imports one raw message into a desk whose address or mailbox it came to. */
export function importMail(db: Database, tenantId: string, raw: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  return importInto(unsafeDeskScope(db, tenantId, "mail that came to the desk's address or mailbox"), raw, options);
}

export async function importInto(desk: DeskScope, raw: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  const { tenantId } = desk;
  const rawKey = `${tenantId}/${newId()}`; // the raw .eml, in the same storage as attachments
  await writeStoredFile(rawKey, new Uint8Array(raw));
  try {
    return await desk.run(async (tx) => {
      const result = await importParsed(tx, tenantId, raw, rawKey, options);
      await options.afterImport?.(tx);
      return result;
    });
  } catch (error) {
    // The same message imported at the same moment by another path (two instances): a duplicate, not a failure.
    if (uniqueViolation(error)?.constraint === "mail_messages_message_id_key") {
      await desk.run(async (tx) => options.afterImport?.(tx));
      return { outcome: "duplicate" };
    }
    await keepFailure(desk, rawKey, errorText(error), options);
    return { outcome: "failed" };
  }
}

/** Keeps a message that will not be imported (too large, say) in Failed mail, with what there is of it. */
export async function recordFailedMail(desk: DeskScope, raw: Buffer, error: string, options: ImportOptions = {}): Promise<ImportResult> {
  const rawKey = `${desk.tenantId}/${newId()}`;
  await writeStoredFile(rawKey, new Uint8Array(raw));
  await keepFailure(desk, rawKey, error, options);
  return { outcome: "failed" };
}

async function keepFailure(desk: DeskScope, rawKey: string, error: string, options: ImportOptions) {
  await desk.run(async (tx) => {
    await tx.insert(mailFailures).values({ tenantId: desk.tenantId, rawKey, error, mailboxId: options.mailboxId ?? null });
    await options.afterImport?.(tx);
  });
}

/**
 * Settings → Mail → Failed mail → Retry: imports the kept original again (after the cause was
 * fixed: a department added, the parser updated). A savepoint keeps a second failure from undoing
 * anything but the attempt; the error is updated and the message stays listed.
 */
export async function retryFailedMail(tx: TenantDb, tenantId: string, failureId: string): Promise<ImportResult & { error?: string }> {
  const [failure] = await tx.select().from(mailFailures).where(and(eq(mailFailures.id, failureId), isNull(mailFailures.resolvedAt)));
  if (!failure) throw new DeskError("NOT_FOUND", "mail.failureNotFound");
  const raw = Buffer.from(await readStoredFile(failure.rawKey));
  const [mailbox] = failure.mailboxId ? await tx.select({ departmentId: mailboxes.departmentId }).from(mailboxes).where(eq(mailboxes.id, failure.mailboxId)) : [];
  const now = new Date();
  try {
    const result = await savepoint(tx, (attempt) => importParsed(attempt, tenantId, raw, failure.rawKey, { departmentId: mailbox?.departmentId ?? null }));
    await tx.update(mailFailures).set({ retriedAt: now, resolvedAt: now }).where(eq(mailFailures.id, failure.id));
    return result;
  } catch (error) {
    await tx.update(mailFailures).set({ retriedAt: now, error: errorText(error) }).where(eq(mailFailures.id, failure.id));
    return { outcome: "failed", error: errorText(error) };
  }
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

async function importParsed(tx: TenantDb, tenantId: string, raw: Buffer, rawKey: string, options: ImportOptions): Promise<{ outcome: MailOutcome; ticketNumber?: number }> {
  const mail = await parseMail(raw);
  if (!mail.from) throw new Error("The message has no sender address.");
  const [already] = await tx.select({ id: mailMessages.id }).from(mailMessages).where(and(eq(mailMessages.direction, "in"), eq(mailMessages.messageId, mail.messageId)));
  if (already) return { outcome: "duplicate" };
  const settings = await ensureMailSettings(tx, tenantId);
  const [desk] = await tx.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId));
  const ourAddress = /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM;
  const record = (outcome: MailOutcome, extra: { ticketId?: string; ticketMessageId?: string; matchedBy?: string } = {}) =>
    recordIncomingMail(tx, { tenantId, messageId: mail.messageId, inReplyTo: mail.inReplyTo, references: mail.references, fromAddress: mail.from, subject: mail.subject, rawKey, outcome, ...extra });

  const mailboxAddresses = (await tx.select({ address: mailboxes.address }).from(mailboxes)).map((m) => m.address);
  if ([...settings.ownAddresses, ...mailboxAddresses, ourAddress.toLowerCase()].includes(mail.from)) {
    await record("own_address");
    return { outcome: "own_address" };
  }
  const thread = await threadOf(tx, { ...mail, from: mail.from }, desk!.slug);
  if (mail.auto === "bounce") {
    const concerned = thread?.ticket ?? (await bounceTarget(tx, mail));
    if (concerned) {
      const note = await addMailNote(tx, concerned, `Delivery failure reported by ${mail.from}:\n\n${cutText(mail.text, 4000)}`);
      await record("bounce", { ticketId: concerned.id, ticketMessageId: note!.id });
    } else await record("bounce");
    return { outcome: "bounce" };
  }
  if (thread) {
    const { messageId } = await appendCustomerMessage(tx, thread.ticket, { customerId: thread.ticket.customerId, body: mail.text || mail.subject || "(empty message)", channel: "mail", uploads: mail.attachments });
    await record("appended", { ticketId: thread.ticket.id, ticketMessageId: messageId, matchedBy: thread.matchedBy });
    return { outcome: "appended", ticketNumber: thread.ticket.number };
  }
  if (mail.auto === "auto_reply") {
    await record("auto_reply");
    return { outcome: "auto_reply" };
  }
  const [recent] = await tx
    .select({ n: count() })
    .from(mailMessages)
    .where(and(eq(mailMessages.fromAddress, mail.from), eq(mailMessages.outcome, "new_ticket"), gt(mailMessages.createdAt, new Date(Date.now() - 3600_000))));
  const department = await departmentFor(tx, [options.departmentId, settings.defaultDepartmentId]);
  if (!department) throw new Error("The desk has no department to take mail.");
  const ticket = await createTicket(
    tx,
    tenantId,
    {
      subject: mail.subject || cutText(mail.text.split("\n")[0] ?? "", 80) || "(no subject)",
      body: mail.text || "(empty message)",
      customer: { email: mail.from, name: mail.fromName || null },
      departmentId: department.id,
      channel: "mail",
      suspectedSpam: (recent?.n ?? 0) >= settings.maxNewPerHour,
    },
    null,
  );
  const [first] = await tx.select({ id: ticketMessages.id }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id)).limit(1);
  for (const upload of mail.attachments) await storeUpload(tx, { tenantId, membershipId: null }, upload, { ticketId: ticket.id, messageId: first!.id });
  await record("new_ticket", { ticketId: ticket.id, ticketMessageId: first!.id, matchedBy: "new" });
  if (!ticket.heldReason) {
    const link = await issueCustomerLink(tx, tenantId, { customerId: ticket.customerId, ticketId: ticket.id });
    await mailTicketReceived(tx, tenantId, ticket, link.url);
  }
  return { outcome: "new_ticket", ticketNumber: ticket.number };
}

/** A bounce names the message it returns (In-Reply-To, References, or a Message-ID in its report). */
async function bounceTarget(tx: TenantDb, mail: IncomingMail): Promise<Ticket | null> {
  const quoted = [...mail.text.matchAll(/Message-ID:\s*(<[^>\s]+>)/gi)].map((m) => m[1]!);
  const ids = [mail.inReplyTo, ...mail.references, ...quoted].filter((id): id is string => Boolean(id));
  if (!ids.length) return null;
  const [hit] = await tx.select({ ticketId: mailMessages.ticketId }).from(mailMessages).where(and(inArray(mailMessages.messageId, ids), eq(mailMessages.direction, "out")));
  if (!hit?.ticketId) return null;
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, hit.ticketId));
  return ticket ?? null;
}
