import { and, eq, gt } from "drizzle-orm";
import { baseUrl } from "@/env";
import type { Database, TenantDb, Transaction } from "../db/types";
import { enqueueMail } from "../outbox/outbox";
import { mailTranslator } from "../outbox/translate";
import { hashSecretToken, newSecretToken } from "../kernel/tokens";
import { users } from "./schema";

const VERIFY_HOURS = 72;

/** A fresh verification token for the person (platform data: before any desk scope is entered). */
export async function newEmailVerification(tx: Transaction, userId: string): Promise<string> {
  const token = newSecretToken();
  await tx
    .update(users)
    .set({ emailVerificationHash: hashSecretToken(token), emailVerificationExpiresAt: new Date(Date.now() + VERIFY_HOURS * 3600_000) })
    .where(eq(users.id, userId));
  return token;
}

/**
 * Mails the owner of a new desk the link that proves the address is theirs (single use, 72
 * hours), through the desk's outbox. Until then the address is not trusted: it gives no
 * platform-operator rights, for one.
 */
export async function mailEmailVerification(tx: TenantDb, tenantId: string, user: { email: string; locale: "en" | "ru" }, token: string) {
  const t = await mailTranslator(user.locale);
  await enqueueMail(tx, tenantId, {
    kind: "account.verifyEmail",
    to: user.email,
    subject: t("verifyEmail.subject"),
    text: t("verifyEmail.body", { link: `${baseUrl}/verify-email/${token}`, hours: VERIFY_HOURS }),
  });
}

/**
 * Follows a verification link: the person with this token's hash, while it is fresh, has a
 * verified address from now on; the token works once. Reads across desks by the unique hash
 * before any session or scope exists (people are platform data).
 */
export async function unsafeVerifyEmail(db: Database, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const [user] = await db
    .update(users)
    .set({ emailVerifiedAt: new Date(), emailVerificationHash: null, emailVerificationExpiresAt: null })
    .where(and(eq(users.emailVerificationHash, hashSecretToken(token)), gt(users.emailVerificationExpiresAt, new Date())))
    .returning({ id: users.id });
  return Boolean(user);
}
