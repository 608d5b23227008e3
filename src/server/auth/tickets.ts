import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/types";
import { hashSecretToken, newSecretToken } from "../kernel/tokens";
import { signInTickets, type SignInMethod } from "./schema";

/** How long each step of signing in may wait for the next. */
const TICKET_MINUTES = { sign_in: 2, second_factor: 10 } as const;
type Purpose = keyof typeof TICKET_MINUTES;

/**
 * A proof that a step of signing in succeeded (the password was right; the code was right), for
 * the next step: random, single use, short-lived, stored hashed. A "sign_in" ticket is what the
 * Auth.js credentials provider exchanges for a session; nothing else makes one.
 */
export async function issueTicket(db: Database | Transaction, userId: string, purpose: Purpose, method: SignInMethod): Promise<string> {
  const token = newSecretToken();
  await db.insert(signInTickets).values({ tokenHash: hashSecretToken(token), userId, purpose, method, expiresAt: new Date(Date.now() + TICKET_MINUTES[purpose] * 60_000) });
  return token;
}

/** Takes a ticket once: the row is deleted as it is read, so a second use finds nothing. */
export async function takeTicket(db: Database | Transaction, token: string, purpose: Purpose): Promise<{ userId: string; method: SignInMethod } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .delete(signInTickets)
    .where(and(eq(signInTickets.tokenHash, hashSecretToken(token)), eq(signInTickets.purpose, purpose), gt(signInTickets.expiresAt, new Date())))
    .returning({ userId: signInTickets.userId, method: signInTickets.method });
  return row ?? null;
}

/**
 * A second-factor ticket still waiting for its code, with one more attempt counted: after five
 * wrong codes the ticket is gone and the password must be given again.
 */
export async function ticketForCode(db: Database, token: string): Promise<{ userId: string; method: SignInMethod } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .update(signInTickets)
    .set({ attempts: sql`${signInTickets.attempts} + 1` })
    .where(and(eq(signInTickets.tokenHash, hashSecretToken(token)), eq(signInTickets.purpose, "second_factor"), gt(signInTickets.expiresAt, new Date()), lt(signInTickets.attempts, 5)))
    .returning({ userId: signInTickets.userId, method: signInTickets.method });
  return row ?? null;
}

/** The code was right: this second-factor ticket is spent. */
export async function spendTicket(db: Database | Transaction, token: string): Promise<void> {
  await db.delete(signInTickets).where(eq(signInTickets.tokenHash, hashSecretToken(token)));
}

/** Tickets past their time: housekeeping. */
export async function unsafeForgetExpiredTickets(db: Database): Promise<void> {
  await db.delete(signInTickets).where(lt(signInTickets.expiresAt, new Date()));
}
