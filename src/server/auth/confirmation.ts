import { and, eq, gt } from "drizzle-orm";
import { baseUrl } from "@/env";
import type { Database, Transaction } from "../db/types";
import { consumeLimits } from "../kernel/limits";
import { hashSecretToken, newSecretToken } from "../kernel/tokens";
import { enqueueAccountMail } from "../outbox/account-mail";
import { mailTranslator } from "../outbox/translate";
import { users } from "./schema";

/** How long a confirmation link works. */
export const CONFIRM_HOURS = 72;

/**
 * Mails the person a fresh, single-use link that proves the address is theirs (the link signs
 * them in and continues where they were going). Limited per address, so nobody can make the
 * platform mail an address over and over; past the limit nothing is sent and nothing is said.
 */
export async function sendConfirmation(db: Database | Transaction, user: { id: string; email: string; locale: "en" | "ru" }): Promise<void> {
  try {
    await consumeLimits(db, [["confirmationPerAddress", user.email.toLowerCase()]]);
  } catch {
    return;
  }
  const token = newSecretToken();
  await db
    .update(users)
    .set({ emailVerificationHash: hashSecretToken(token), emailVerificationExpiresAt: new Date(Date.now() + CONFIRM_HOURS * 3600_000) })
    .where(eq(users.id, user.id));
  const t = await mailTranslator(user.locale);
  await enqueueAccountMail(db, {
    kind: "account.confirm",
    to: user.email,
    subject: t("account.confirm.subject"),
    text: t("account.confirm.body", { link: `${baseUrl}/verify-email/${token}`, hours: CONFIRM_HOURS }),
  });
}

/**
 * Follows a confirmation link: the person with this token's hash, while it is fresh, has a proven
 * address from now on; the token works once. Reads across desks by the unique hash before any
 * session or scope exists (people are platform data). Returns who it was, or null.
 */
export async function unsafeConfirmAddress(db: Database | Transaction, token: string): Promise<{ userId: string; firstTime: boolean } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [found] = await db
    .select({ id: users.id, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(and(eq(users.emailVerificationHash, hashSecretToken(token)), gt(users.emailVerificationExpiresAt, new Date())))
    .for("update");
  if (!found) return null;
  await db.update(users).set({ emailVerifiedAt: found.verifiedAt ?? new Date(), emailVerificationHash: null, emailVerificationExpiresAt: null }).where(eq(users.id, found.id));
  return { userId: found.id, firstTime: found.verifiedAt === null };
}
