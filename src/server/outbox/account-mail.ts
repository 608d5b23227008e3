import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { env } from "@/env";
import type { Database, Transaction } from "../db/types";
import { log } from "../log";
import { newMessageId, smtpConfigured } from "./transport";
import { accountMail } from "./schema";

export type AccountMailKind =
  | "account.confirm"
  | "account.signUpAttempt"
  | "account.resetPassword"
  | "account.passwordChanged"
  | "account.signInAlert"
  | "account.twoFactorChanged";

/**
 * Mail about a person's account, written in the caller's transaction (it exists exactly when the
 * change that caused it committed) into the platform's own outbox; the mail job delivers it.
 * Without SMTP on the embedded database, the message is also printed on the server's console: the
 * person who started Deskhand on their machine is the one who needs the link.
 */
export async function enqueueAccountMail(db: Database | Transaction, mail: { kind: AccountMailKind; to: string; subject: string; text: string }): Promise<void> {
  await db.insert(accountMail).values({ kind: mail.kind, toAddress: mail.to, subject: mail.subject, textBody: mail.text, status: smtpConfigured() ? "queued" : "stored" });
  if (!smtpConfigured() && !env.DATABASE_URL && env.NODE_ENV !== "test") {
    console.log(`\n  Mail to ${mail.to} (no SMTP_URL: kept in the outbox)\n  ${mail.subject}\n\n${mail.text.replace(/^/gm, "    ")}\n`);
  }
}

const MAX_ATTEMPTS = 8;

/** Delivers due account mail (called by the mail job after the desks' outbox): SKIP LOCKED, backoff. */
export async function unsafeDeliverAccountMail(db: Database, transport: Transporter, limit: number): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(accountMail)
        .where(and(eq(accountMail.status, "queued"), or(isNull(accountMail.nextAttemptAt), lte(accountMail.nextAttemptAt, new Date()))))
        .orderBy(accountMail.id)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!message) return "none" as const;
      try {
        await transport.sendMail({ from: env.MAIL_FROM, to: message.toAddress, subject: message.subject, text: message.textBody, messageId: newMessageId() });
        await tx.update(accountMail).set({ status: "sent", sentAt: new Date(), attempts: sql`${accountMail.attempts} + 1`, lastError: null }).where(eq(accountMail.id, message.id));
        return "sent" as const;
      } catch (error) {
        const attempts = message.attempts + 1;
        await tx
          .update(accountMail)
          .set({ attempts, status: attempts >= MAX_ATTEMPTS ? "failed" : "queued", lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error), nextAttemptAt: new Date(Date.now() + 2 ** attempts * 30_000) })
          .where(eq(accountMail.id, message.id));
        log.warn({ err: error, accountMailId: message.id, attempts }, "Account mail delivery failed");
        return "failed" as const;
      }
    });
    if (outcome === "none") break;
    if (outcome === "sent") sent += 1;
    else failed += 1;
  }
  return { sent, failed };
}
