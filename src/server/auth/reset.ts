import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { baseUrl } from "@/env";
import type { Database } from "../db/types";
import { DeskError } from "../errors";
import { consumeLimits } from "../kernel/limits";
import { hashPassword } from "../kernel/password";
import { answerAfter } from "../kernel/timing";
import { hashSecretToken, newSecretToken } from "../kernel/tokens";
import { enqueueAccountMail } from "../outbox/account-mail";
import { mailTranslator } from "../outbox/translate";
import { passwordResets, users } from "./schema";
import { hasSecondFactor } from "./second-factor";
import { endEverySession } from "./sessions";
import { issueTicket } from "./tickets";

/** How long a reset link works. */
export const RESET_MINUTES = 60;

/** Answers take at least this long, whether the address is known or not. */
const ANSWER_MS = 250;

/**
 * "Forgot your password?": mails a single-use link (an hour, stored hashed, built from APP_URL
 * alone) when the address has an account. The answer is the same, in the same time, for known and
 * unknown addresses; requests are limited per address and per client.
 */
export async function requestPasswordReset(db: Database, email: string, client: { ip: string | null }): Promise<{ sent: true }> {
  const started = Date.now();
  const address = email.trim().toLowerCase();
  await consumeLimits(db, [
    ["resetPerClient", client.ip],
    ["resetPerAddress", address],
  ]);
  const [user] = await db.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(sql`lower(${users.email}) = ${address}`);
  if (user) {
    const token = newSecretToken();
    await db.transaction(async (tx) => {
      await tx.insert(passwordResets).values({ tokenHash: hashSecretToken(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
      const t = await mailTranslator(user.locale);
      await enqueueAccountMail(tx, {
        kind: "account.resetPassword",
        to: user.email,
        subject: t("account.reset.subject"),
        text: t("account.reset.body", { link: `${baseUrl}/reset-password/${token}`, minutes: RESET_MINUTES }),
      });
    });
  }
  return answerAfter(started, ANSWER_MS, { sent: true as const });
}

/** What a reset link is now, for its page: usable, used, expired, or not ours at all. */
export async function resetLinkState(db: Database, token: string): Promise<"usable" | "used" | "expired" | "unknown"> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return "unknown";
  const [row] = await db.select({ usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt }).from(passwordResets).where(eq(passwordResets.tokenHash, hashSecretToken(token)));
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() > Date.now() ? "usable" : "expired";
}

/**
 * Sets a new password from a reset link, once. Whoever reads the address owns the account: the
 * address becomes verified, every session and session cookie of the account stops working (a
 * squatter who signed up first with someone else's address is out), the other reset links die,
 * and the owner is told by mail. The person then continues signed in — through their second
 * factor first, when they have one.
 */
export async function resetPassword(db: Database, token: string, password: string): Promise<{ step: "code" | "signIn"; ticket: string }> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new DeskError("NOT_FOUND", "reset.invalid");
  const passwordHash = await hashPassword(password);
  const userId = await db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, hashSecretToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!reset) throw new DeskError("NOT_FOUND", "reset.invalid");
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, emailVerificationHash: null, emailVerificationExpiresAt: null })
      .where(eq(users.id, reset.userId))
      .returning({ id: users.id, email: users.email, locale: users.locale });
    await endEverySession(tx, user!.id);
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, user!.id), isNull(passwordResets.usedAt)));
    const t = await mailTranslator(user!.locale);
    await enqueueAccountMail(tx, { kind: "account.passwordChanged", to: user!.email, subject: t("account.passwordChanged.subject"), text: t("account.passwordChanged.body", { link: `${baseUrl}/forgot-password` }) });
    return user!.id;
  });
  if (await hasSecondFactor(db, userId)) return { step: "code", ticket: await issueTicket(db, userId, "second_factor", "reset") };
  return { step: "signIn", ticket: await issueTicket(db, userId, "sign_in", "reset") };
}
