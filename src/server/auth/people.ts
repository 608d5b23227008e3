import { eq, sql } from "drizzle-orm";
import type { TenantDb, Transaction } from "../db/types";
import type { Actor } from "../kernel/actor";
import { recordEvent } from "../kernel/events";
import { hashPassword, verifyPassword } from "../kernel/password";
import { DeskError, uniqueViolation } from "../errors";
import { users } from "./schema";

// People's accounts (the platform-wide users table), written only here and by the auth services.

/** A new person's account; an address already registered is the email field's CONFLICT. */
export async function createPerson(
  tx: Transaction,
  person: { email: string; name: string; passwordHash: string; locale?: "en" | "ru"; verified: boolean },
): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${person.email})`);
  if (existing) throw new DeskError("CONFLICT", "email.taken", { fields: { email: "email.taken" } });
  try {
    const [user] = await tx
      .insert(users)
      .values({ email: person.email, name: person.name, passwordHash: person.passwordHash, locale: person.locale ?? "en", emailVerifiedAt: person.verified ? new Date() : null })
      .returning({ id: users.id });
    return user!.id;
  } catch (error) {
    if (uniqueViolation(error)) throw new DeskError("CONFLICT", "email.taken", { fields: { email: "email.taken" }, cause: error });
    throw error;
  }
}

/** Following a link mailed to the address proves it: it is verified from now on. */
export async function markEmailVerified(tx: Transaction, userId: string): Promise<void> {
  await tx.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, userId));
}

/** A person's name, colour and language: every desk of theirs sees them. */
export async function updatePerson(tx: TenantDb, userId: string, details: { name: string; avatarColor: string; locale: "en" | "ru" }): Promise<void> {
  await tx.update(users).set(details).where(eq(users.id, userId));
}

/**
 * Needs the current password. Bumps the token version, which ends every session of the person
 * (the caller signs in again with the new password).
 */
export async function changePassword(tx: TenantDb, actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DeskError("BAD_REQUEST", "password.currentWrong", { fields: { currentPassword: "password.currentWrong" } });
  }
  await recordEvent(tx, actor, { action: "profile.passwordChanged", objectType: "user", objectId: actor.userId, summary: {} });
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, actor.userId));
}
