import { findSessionUser } from "@/server/auth/service";
import type { Database } from "@/server/db/types";
import type { SignUpInput } from "@/server/desks/inputs";
import type { Listen } from "@/server/kernel/live";
import { createCaller } from "@/server/root";

let counter = 0;

// Test files that exercise live updates register their database's LISTEN here.
const listeners = new WeakMap<Database, Listen>();
export function useListen(db: Database, listen: Listen) {
  listeners.set(db, listen);
}
const noListen: Listen = async () => async () => {};

/** A caller as an anonymous visitor, or as the person with this id (their session must be valid). */
export async function callerAs(db: Database, userId: string | null = null, ip = "203.0.113.7") {
  const user = userId ? await findSessionUser(db, userId, 0) : null;
  if (userId && !user) throw new Error(`no such user ${userId}`);
  return createCaller({ db, listen: listeners.get(db) ?? noListen, user, ip });
}

export function signUpValues(overrides: Partial<SignUpInput> = {}): SignUpInput {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    businessName: `Business ${tag}`,
    slug: `desk-${tag}`,
    ownerName: `Owner ${tag}`,
    email: `owner-${tag}@example.com`,
    password: "correct horse battery",
    ...overrides,
  };
}

/** Signs up a desk through the real procedure and returns the owner's caller. */
export async function signUpDesk(db: Database, overrides: Partial<SignUpInput> = {}) {
  const values = signUpValues(overrides);
  const created = await (await callerAs(db)).desk.signUp(values);
  return { ...created, values, owner: await callerAs(db, created.userId) };
}
