import { and, desc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";
import type { Database, TenantDb } from "../db/types";
import { log } from "../log";
import { unsafeDeliverAccountMail } from "./account-mail";
import { newMessageId, smtp, smtpConfigured } from "./transport";

import { users } from "../auth/schema";
import { memberships } from "../staff/schema";
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
  const [row] = await tx
    .insert(outbox)
    .values({
      tenantId,
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      status: (await heldForConfirmation(tx, mail.kind)) ? "held" : smtpConfigured() ? "queued" : "stored",
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

/** The owner confirmed their address: the desk's held mail goes out, oldest first. */
export async function releaseHeldMail(tx: TenantDb): Promise<number> {
  const released = await tx
    .update(outbox)
    .set({ status: smtpConfigured() ? "queued" : "stored" })
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
 * the same one; a failure schedules a retry with exponential backoff, and after MAX_ATTEMPTS the
 * message is marked failed with its error. An SMTP outage delays mail, it loses none.
 */
export async function unsafeDeliverDueMail(db: Database, options: { transport?: Transporter; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  if (!options.transport && !smtpConfigured()) return { sent: 0, failed: 0 };
  const transport = options.transport ?? smtp();
  let sent = 0;
  let failed = 0;
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
      try {
        await transport.sendMail({
          from: env.MAIL_FROM,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody ?? undefined,
          messageId: message.messageId ?? undefined,
          inReplyTo: message.inReplyTo ?? undefined,
          references: message.references.length ? message.references : undefined,
        });
        await tx
          .update(outbox)
          .set({ status: "sent", sentAt: new Date(), attempts: sql`${outbox.attempts} + 1`, lastError: null })
          .where(and(eq(outbox.tenantId, message.tenantId), eq(outbox.id, message.id)));
        return "sent" as const;
      } catch (error) {
        const attempts = message.attempts + 1;
        const giveUp = attempts >= MAX_ATTEMPTS;
        await tx
          .update(outbox)
          .set({
            attempts,
            status: giveUp ? "failed" : "queued",
            lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
            nextAttemptAt: new Date(Date.now() + 2 ** attempts * 30_000),
          })
          .where(and(eq(outbox.tenantId, message.tenantId), eq(outbox.id, message.id)));
        log.warn({ err: error, outboxId: message.id, attempts }, "Mail delivery failed");
        return "failed" as const;
      }
    });
    if (outcome === "none") break;
    if (outcome === "sent") sent += 1;
    else failed += 1;
  }
  const account = await unsafeDeliverAccountMail(db, transport, options.limit ?? 50);
  return { sent: sent + account.sent, failed: failed + account.failed };
}
