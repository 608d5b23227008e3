import { eq, sql } from "drizzle-orm";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { env } from "@/env";
import type { Database } from "../db/types";
import { DeskError } from "../errors";
import { hashPassword, verifyPassword } from "../kernel/password";
import { users } from "./schema";
import { recordEvent } from "../kernel/events";
import { forEachDeskOfMember } from "../tenancy/accounts";

// Users are platform-wide, so these queries run unscoped; each reads one person by email or id.

// Per process. Behind several instances each counts on its own, which still bounds guessing.
const failedSignIns = new RateLimiterMemory({ points: env.SIGNIN_MAX_FAILURES, duration: env.SIGNIN_BLOCK_SECONDS });

// Compared against when the email is unknown, so both cases cost the same time.
const decoyHash = hashPassword("deskhand-decoy-password");

export type SignedInUser = { id: string; name: string; email: string; tokenVersion: number };

/** Checks an email and password; refuses with TOO_MANY_REQUESTS after repeated failures. */
export async function authenticate(db: Database, email: string, password: string, ip: string | null): Promise<SignedInUser | null> {
  const key = `${email.trim().toLowerCase()}|${ip ?? "-"}`;
  const state = await failedSignIns.get(key);
  if (state && state.remainingPoints <= 0) throw new DeskError("TOO_MANY_REQUESTS", "signIn.rateLimited");
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, tokenVersion: users.tokenVersion, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !ok) {
    await failedSignIns.penalty(key, 1);
    return null;
  }
  await failedSignIns.delete(key);
  await recordSignIn(db, user.id, ip);
  return { id: user.id, name: user.name, email: user.email, tokenVersion: user.tokenVersion };
}

/** The person behind a session, if the session is still valid (token version unchanged). */
export async function findSessionUser(db: Database, userId: string, tokenVersion: number) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, tokenVersion: users.tokenVersion })
    .from(users)
    .where(eq(users.id, userId));
  return user && user.tokenVersion === tokenVersion ? user : null;
}
export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

/** Each desk of the person logs the sign-in in its own event log. */
async function recordSignIn(db: Database, userId: string, ip: string | null): Promise<void> {
  await forEachDeskOfMember(db, userId, (tx, tenantId) => recordEvent(tx, { tenantId, userId, ip }, { action: "auth.signedIn", objectType: "user", objectId: userId }));
}
