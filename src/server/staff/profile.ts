import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { updatePerson } from "../auth/people";
import { getSignature, setSignature } from "./service";
import { users } from "../auth/schema";
import { recordEvent } from "../kernel/events";

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
  await updatePerson(tx, actor.userId, { name: input.name, avatarColor: input.avatarColor, locale: input.locale });
}

