import { and, desc, eq, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { env } from "@/env";
import type { Database, TenantDb, Transaction } from "../db/types";
import { log } from "../log";
import { unsafeDeliverAccountMail } from "./account-mail";
import { deskTransport, dkimOptions, newMessageId, smtp, smtpConfigured, type DeskSmtp } from "./transport";
import { mailSettings } from "../mail/schema";

import { users } from "../auth/schema";
import { memberships } from "../staff/schema";
import { tickets } from "../tickets/schema";
import { deskIdentity } from "./identity";
import { mailMessages, outbox, type OutboxMessage } from "./schema";
import { templateKinds } from "./values";

export type OutgoingMail = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** A mail about a ticket: it answers the ticket's latest message, so the customer's client threads it. */
  ticketId?: string | null;
  /** A public reply: the ticket's followers get it in Cc. */
  withFollowers?: boolean;
};


const MAX_ATTEMPTS = 8;


/**
 * Writes a mail into the outbox inside the caller's transaction: it exists exactly when the change
 * that caused it committed. Delivery happens afterwards (unsafeDeliverDueMail), never inside the change.
 */
export async function enqueueMail(tx: TenantDb, tenantId: string, mail: OutgoingMail): Promise<OutboxMessage> {
  const messageId = newMessageId();
  const thread = mail.ticketId
    ? await tx
        .select({ messageId: mailMessages.messageId })
        .from(mailMessages)
        .where(eq(mailMessages.ticketId, mail.ticketId))
        .orderBy(desc(mailMessages.id))
        .limit(20)
    : [];
  const [ticket] = mail.ticketId ? await tx.select({ id: tickets.id, number: tickets.number }).from(tickets).where(eq(tickets.id, mail.ticketId)) : [];
  const identity = await deskIdentity(tx, ticket ?? null, { withFollowers: mail.withFollowers });
  const [row] = await tx
    .insert(outbox)
    .values({
      tenantId,
      kind: mail.kind,
      toAddress: mail.to,
      fromAddress: identity.fromAddress,
      fromName: identity.fromName,
      replyTo: identity.replyTo,
      cc: identity.cc.filter((address) => address !== mail.to.toLowerCase()),
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      status: (await heldForConfirmation(tx, mail.kind)) ? "held" : (await deliverable(tx)) ? "queued" : "stored",
      messageId,
      inReplyTo: thread[0]?.messageId ?? null,
      references: thread.map((m) => m.messageId).reverse(),
    })
    .returning();
  if (mail.ticketId) {
    await tx.insert(mailMessages).values({ tenantId, direction: "out", messageId, inReplyTo: thread[0]?.messageId ?? null, references: thread.map((m) => m.messageId).reverse(), subject: mail.subject, ticketId: mail.ticketId });
  }
  return row!;
}

/**
 * Mail to customers of a desk whose owner has not confirmed their address waits ("held"): a desk
 * signed up with an address nobody reads cannot be used to mail strangers. Released, in order, by
 * releaseHeldMail once the owner confirms.
 */
async function heldForConfirmation(tx: TenantDb, kind: string): Promise<boolean> {
  if (!(templateKinds as readonly string[]).includes(kind)) return false;
  const [owner] = await tx
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, "owner"), eq(memberships.active, true)))
    .limit(1);
  return !owner?.verifiedAt;
}

/** Whether the desk's mail can leave at all: the platform's SMTP server, or the desk's own. */
async function deliverable(tx: TenantDb): Promise<boolean> {
  if (smtpConfigured()) return true;
  const [own] = await tx
    .select({ host: mailSettings.smtpHost })
    .from(mailSettings)
    .where(and(eq(mailSettings.sendingMode, "smtp"), isNotNull(mailSettings.sendingAddressVerifiedAt), isNotNull(mailSettings.smtpHost)));
  return Boolean(own);
}

/** The desk's own SMTP server, when it sends through one (its address proven and the server set). */
async function unsafeDeskSmtp(tx: Transaction, tenantId: string): Promise<DeskSmtp | null> {
  const [settings] = await tx.select().from(mailSettings).where(eq(mailSettings.tenantId, tenantId));
  if (!settings || settings.sendingMode !== "smtp" || !settings.sendingAddressVerifiedAt || !settings.smtpHost || !settings.smtpPort || !settings.smtpSecurity) return null;
  return { host: settings.smtpHost, port: settings.smtpPort, security: settings.smtpSecurity, username: settings.smtpUsername, passwordSecret: settings.smtpPasswordSecret };
}

/** The owner confirmed their address: the desk's held mail goes out, oldest first. */
export async function releaseHeldMail(tx: TenantDb): Promise<number> {
  const released = await tx
    .update(outbox)
    .set({ status: (await deliverable(tx)) ? "queued" : "stored" })
    .where(eq(outbox.status, "held"))
    .returning({ id: outbox.id });
  return released.length;
}

/** The desk's mail log, newest first, keyset-paginated on the UUID v7 id. */
export async function listOutbox(tx: TenantDb, options: { cursor: string | null; limit: number }) {
  const rows = await tx
    .select()
    .from(outbox)
    .where(options.cursor ? lt(outbox.id, options.cursor) : undefined)
    .orderBy(desc(outbox.id))
    .limit(options.limit + 1);
  const more = rows.length > options.limit;
  const messages = more ? rows.slice(0, options.limit) : rows;
  return { messages, nextCursor: more ? messages[messages.length - 1]!.id : null, smtpConfigured: smtpConfigured() };
}


/**
 * Delivers queued mail whose time has come, across all desks (a platform job: it reads every
 * desk's outbox on purpose). Each message is claimed with SKIP LOCKED, so two instances never send
 * the same one; it goes from the desk's sender with the ticket's reply address and followers in
 * Cc, through the desk's own SMTP server when it has one, else the platform's. A failure schedules
 * a retry with exponential backoff (the desk's server keeps its error for Settings → Mail); after
 * MAX_ATTEMPTS the message is marked failed with its error. An SMTP outage delays mail, it loses none.
 */
export async function unsafeDeliverDueMail(db: Database, options: { transport?: Transporter; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const platform = options.transport ?? (smtpConfigured() ? smtp() : null);
  for (let i = 0; i < (options.limit ?? 50); i++) {
    const outcome = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, "queued"), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, new Date()))))
        .orderBy(outbox.id)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!message) return "none" as const;
      const own = options.transport ? null : await unsafeDeskSmtp(tx, message.tenantId);
      const transport = own ? await deskTransport(own).catch((error: unknown) => error as Error) : platform;
      try {
        if (!transport) throw new Error("No SMTP server to send through (SMTP_URL is not set).");
        if (transport instanceof Error) throw transport;
        await transport.sendMail({
          from: message.fromAddress ? { name: message.fromName ?? "", address: message.fromAddress } : env.MAIL_FROM,
          to: message.toAddress,
          cc: message.cc.length ? message.cc : undefined,
          replyTo: message.replyTo ?? undefined,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody ?? undefined,
          messageId: message.messageId ?? undefined,
          inReplyTo: message.inReplyTo ?? undefined,
          references: message.references.length ? message.references : undefined,
          dkim: dkimOptions(),
        });
        await tx
          .update(outbox)
          .set({ status: "sent", sentAt: new Date(), attempts: sql`${outbox.attempts} + 1`, lastError: null })
          .where(and(eq(outbox.tenantId, message.tenantId), eq(outbox.id, message.id)));
        if (own) await tx.update(mailSettings).set({ smtpLastError: null }).where(eq(mailSettings.tenantId, message.tenantId));
        return "sent" as const;
      } catch (error) {
        const attempts = message.attempts + 1;
        const giveUp = attempts >= MAX_ATTEMPTS;
        const reason = error instanceof Error ? error.message.slice(0, 1000) : String(error);
        await tx
          .update(outbox)
          .set({ attempts, status: giveUp ? "failed" : "queued", lastError: reason, nextAttemptAt: new Date(Date.now() + 2 ** attempts * 30_000) })
          .where(and(eq(outbox.tenantId, message.tenantId), eq(outbox.id, message.id)));
        if (own) await tx.update(mailSettings).set({ smtpLastError: reason }).where(eq(mailSettings.tenantId, message.tenantId));
        log.warn({ err: error, outboxId: message.id, attempts }, "Mail delivery failed");
        return "failed" as const;
      }
    });
    if (outcome === "none") break;
    if (outcome === "sent") sent += 1;
    else failed += 1;
  }
  if (!platform) return { sent, failed };
  const account = await unsafeDeliverAccountMail(db, platform, options.limit ?? 50);
  return { sent: sent + account.sent, failed: failed + account.failed };
}
