import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { and, desc, eq, sql } from "drizzle-orm";
import { users } from "@/server/auth/schema";
import { findSessionUser } from "@/server/auth/service";
import { startSession } from "@/server/auth/sessions";
import type { Database } from "@/server/db/types";
import type { SignUpInput } from "@/server/desks/inputs";
import { tenants } from "@/server/kernel/schema";
import type { Listen } from "@/server/kernel/live";
import { accountMail } from "@/server/outbox/schema";
import { createCaller } from "@/server/root";

let counter = 0;

// Test files that exercise live updates register their database's LISTEN here.
const listeners = new WeakMap<Database, Listen>();
export function useListen(db: Database, listen: Listen) {
  listeners.set(db, listen);
}
const noListen: Listen = async () => async () => {};

/**
 * A caller as an anonymous visitor, or as the person with this id, signed in with a session of
 * their own (token version 0: a test that bumps it sees the caller refused).
 */
export async function callerAs(db: Database, userId: string | null = null, ip = "203.0.113.7", options: { replica?: Database } = {}) {
  const sessionId = userId ? await startSession(db, userId, "test", { ip, userAgent: "vitest" }) : null;
  const user = userId ? await findSessionUser(db, userId, 0, sessionId) : null;
  if (userId && !user) throw new Error(`no such user ${userId}`);
  return createCaller({ db, replica: options.replica ?? null, listen: listeners.get(db) ?? noListen, user, ip });
}

let clients = 0;

/** A client address no other caller of the run uses (sign-ups and resets are limited per client). */
export function freshIp(): string {
  clients += 1;
  return `198.18.${Math.floor(clients / 250) % 250}.${(clients % 250) + 1}`;
}

export function signUpValues(overrides: Partial<SignUpInput> = {}): SignUpInput {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    businessName: `Business ${tag}`,
    slug: `desk-${tag}`,
    ownerName: `Owner ${tag}`,
    // A domain of its own: sign-ups are limited per email domain.
    email: `owner-${tag}@${tag}.example.com`,
    password: "correct horse battery",
    ...overrides,
  };
}

/** Solves the sign-up page's proof of work, as the browser does. */
export async function signUpProof(db: Database) {
  const challenge = await (await callerAs(db)).desk.signUpChallenge();
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("the sign-up challenge has no solution");
  return { challenge, solution };
}

/** The latest link of this kind mailed to an address (account mail), as the person would open it. */
export async function mailedLink(db: Database, to: string, path: "verify-email" | "reset-password"): Promise<string> {
  const [mail] = await db
    .select({ text: accountMail.textBody })
    .from(accountMail)
    .where(and(sql`lower(${accountMail.toAddress}) = ${to.toLowerCase()}`, eq(accountMail.kind, path === "verify-email" ? "account.confirm" : "account.resetPassword")))
    .orderBy(desc(accountMail.id))
    .limit(1);
  const token = mail && new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(mail.text)?.[1];
  if (!token) throw new Error(`no ${path} link mailed to ${to}`);
  return token;
}

/**
 * Signs up a desk through the real procedures (the proof of work, the sign-up) without following
 * the confirmation link: the desk and its unconfirmed owner, and a caller as that owner (a session
 * made directly, as one from before addresses had to be confirmed).
 */
export async function signUpUnconfirmed(db: Database, overrides: Partial<SignUpInput> = {}) {
  const values = signUpValues(overrides);
  await (await callerAs(db, null, freshIp())).desk.signUp({ ...values, proof: await signUpProof(db) });
  return deskOf(db, values);
}

/**
 * Signs up a desk through the real procedures — the proof of work, the sign-up, the confirmation
 * link from the mail — and returns the owner's caller.
 */
export async function signUpDesk(db: Database, overrides: Partial<SignUpInput> = {}) {
  const values = signUpValues(overrides);
  await (await callerAs(db, null, freshIp())).desk.signUp({ ...values, proof: await signUpProof(db) });
  await (await callerAs(db)).account.verifyEmail({ token: await mailedLink(db, values.email, "verify-email") });
  return deskOf(db, values);
}

async function deskOf(db: Database, values: SignUpInput) {
  const [desk] = await db.select({ tenantId: tenants.id }).from(tenants).where(eq(tenants.slug, values.slug));
  const [owner] = await db.select({ userId: users.id }).from(users).where(sql`lower(${users.email}) = ${values.email.toLowerCase()}`);
  if (!desk || !owner) throw new Error(`sign-up of ${values.slug} made no desk`);
  return { tenantId: desk.tenantId, userId: owner.userId, slug: values.slug, values, owner: await callerAs(db, owner.userId) };
}
