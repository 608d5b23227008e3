import { eq, sql } from "drizzle-orm";
import { baseUrl } from "@/env";
import type { Database, TenantDb, Transaction } from "../db/types";
import { recordEvent } from "../kernel/events";
import { enqueueAccountMail } from "../outbox/account-mail";
import { mailTranslator } from "../outbox/translate";
import { forEachDeskOfMember } from "../tenancy/accounts";
import { revokeSessions } from "./sessions";
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
 * Needs the current password. Every other session of the person ends (this browser stays signed
 * in); each of their desks logs the change, and the person is told by mail.
 */
export async function changePassword(db: Database, user: { id: string; sessionId: string; email: string; locale: "en" | "ru" }, input: { currentPassword: string; newPassword: string }, ip: string | null): Promise<void> {
  const [person] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!person || !(await verifyPassword(person.passwordHash, input.currentPassword))) {
    throw new DeskError("BAD_REQUEST", "password.currentWrong", { fields: { currentPassword: "password.currentWrong" } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await revokeSessions(tx, user.id, { except: user.sessionId });
    const t = await mailTranslator(user.locale);
    await enqueueAccountMail(tx, { kind: "account.passwordChanged", to: user.email, subject: t("account.passwordChanged.subject"), text: t("account.passwordChanged.body", { link: `${baseUrl}/forgot-password` }) });
  });
  await forEachDeskOfMember(db, user.id, (tx, tenantId) => recordEvent(tx, { tenantId, userId: user.id, ip }, { action: "profile.passwordChanged", objectType: "user", objectId: user.id, summary: {} }));
}
