import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/types";
import { hashPassword } from "../kernel/password";
import { createPerson } from "./people";
import { users } from "./schema";
import { hasSecondFactor } from "./second-factor";
import type { ClientInfo } from "./sessions";
import { signInWithTicket, type SignedInUser } from "./service";
import { issueTicket } from "./tickets";

export type ProviderProfile = { email?: string | null; emailVerified?: unknown; name?: string | null };

/**
 * Signing in with the company's identity provider (OpenID Connect). The provider must say the
 * address is verified: then it belongs to an existing account (which counts as verified from now
 * on) or a new account is made, with no usable password. A person with two-factor sign-in still
 * gives their code before a session exists.
 */
export async function signInWithProvider(
  db: Database,
  profile: ProviderProfile,
  client: ClientInfo,
): Promise<{ step: "refused" } | { step: "code"; ticket: string } | { step: "signedIn"; user: SignedInUser }> {
  const email = profile.email?.trim().toLowerCase();
  if (!email || (profile.emailVerified !== true && profile.emailVerified !== "true")) return { step: "refused" };
  const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  let userId = existing?.id;
  if (userId) {
    await db.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, emailVerificationHash: null }).where(eq(users.id, userId));
  } else {
    const unusable = await hashPassword(randomBytes(32).toString("base64url"));
    userId = await db.transaction((tx) => createPerson(tx, { email, name: profile.name?.trim().slice(0, 120) || email.split("@")[0]!, passwordHash: unusable, verified: true }));
  }
  if (await hasSecondFactor(db, userId)) return { step: "code", ticket: await issueTicket(db, userId, "second_factor", "oidc") };
  const user = await signInWithTicket(db, await issueTicket(db, userId, "sign_in", "oidc"), client);
  return user ? { step: "signedIn", user } : { step: "refused" };
}
