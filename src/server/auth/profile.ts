import { eq, sql } from "drizzle-orm";
import { recordEvent } from "../audit/service";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../staff/actor";
import { getSignature, setSignature } from "../staff/service";
import { hashPassword, verifyPassword } from "./password";
import { users } from "./schema";

export type Profile = { name: string; email: string; avatarColor: string; locale: "en" | "ru"; signature: string };

export async function getProfile(tx: TenantDb, actor: Actor): Promise<Profile> {
  const [user] = await tx
    .select({ name: users.name, email: users.email, avatarColor: users.avatarColor, locale: users.locale })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user) throw new DeskError("NOT_FOUND", "staff.notFound");
  return { ...user, signature: await getSignature(tx, actor.membershipId) };
}

/**
 * Name, colour and language belong to the person (every desk sees them); the signature belongs
 * to their membership of this desk. Row-level security lets a person update only their own row.
 */
export async function updateProfile(
  tx: TenantDb,
  actor: Actor,
  input: { name: string; avatarColor: string; locale: "en" | "ru"; signature: string },
): Promise<void> {
  const before = await getProfile(tx, actor);
  await setSignature(tx, actor.membershipId, input.signature);
  await recordEvent(tx, actor, {
    action: "profile.updated",
    objectType: "user",
    objectId: actor.userId,
    summary: { name: input.name, before: { name: before.name, locale: before.locale }, after: { name: input.name, locale: input.locale } },
  });
  await tx.update(users).set({ name: input.name, avatarColor: input.avatarColor, locale: input.locale }).where(eq(users.id, actor.userId));
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
