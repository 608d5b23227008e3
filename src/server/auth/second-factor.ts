import { randomBytes } from "node:crypto";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Database, Transaction } from "../db/types";
import { DeskError } from "../errors";
import { recordEvent } from "../kernel/events";
import { consumeLimits } from "../kernel/limits";
import { verifyPassword } from "../kernel/password";
import { hashSecretToken } from "../kernel/tokens";
import { enqueueAccountMail } from "../outbox/account-mail";
import { mailTranslator } from "../outbox/translate";
import { forEachDeskOfMember } from "../tenancy/accounts";
import { recoveryCodes, secondFactors, users } from "./schema";
import { open, seal } from "../kernel/secret-box";

const SECRET_PURPOSE = "totp";
const RECOVERY_CODES = 10;
const PERIOD = 30;

const totpOf = (secret: string, label: string) => new TOTP({ issuer: "Deskhand", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** A recovery code as people type it: case and dashes do not matter. */
const normalCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

export async function hasSecondFactor(db: Database | Transaction, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: secondFactors.userId }).from(secondFactors).where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.enabledAt)));
  return Boolean(row);
}

/** Profile → Security: whether two-factor sign-in is on, and how many recovery codes are left. */
export async function secondFactorState(db: Database, userId: string) {
  const [factor] = await db.select({ enabledAt: secondFactors.enabledAt }).from(secondFactors).where(eq(secondFactors.userId, userId));
  const [left] = await db.select({ n: sql<number>`count(*)::int` }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enabled: Boolean(factor?.enabledAt), enabledAt: factor?.enabledAt ?? null, recoveryCodesLeft: left?.n ?? 0 };
}

/**
 * Starts enrolling an authenticator app: a new secret (kept encrypted, pending until a code from
 * the app confirms it), shown as a QR code and as text for typing in.
 */
export async function beginEnrolment(db: Database, user: { id: string; email: string }) {
  const secret = new Secret({ size: 20 }).base32;
  await db
    .insert(secondFactors)
    .values({ userId: user.id, pendingSecret: seal(SECRET_PURPOSE, secret) })
    .onConflictDoUpdate({ target: secondFactors.userId, set: { pendingSecret: seal(SECRET_PURPOSE, secret), updatedAt: new Date() } });
  const uri = totpOf(secret, user.email).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

/** The time step a code belongs to, if it is valid now (one step either side for clock drift). */
function stepOf(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpOf(secret, "").validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/**
 * Confirms enrolment with a code from the app: two-factor sign-in is on from now, and ten new
 * single-use recovery codes are returned (shown once; only their hashes are kept).
 */
export async function confirmEnrolment(db: Database, user: { id: string; email: string; locale: "en" | "ru" }, code: string, ip: string | null): Promise<{ recoveryCodes: string[] }> {
  const enrolled = await db.transaction(async (tx) => {
    const [factor] = await tx.select().from(secondFactors).where(eq(secondFactors.userId, user.id)).for("update");
    const pending = factor?.pendingSecret ? open(SECRET_PURPOSE, factor.pendingSecret) : null;
    if (!pending) throw new DeskError("CONFLICT", "twoFactor.notStarted");
    const step = stepOf(pending, code);
    if (step === null) throw new DeskError("BAD_REQUEST", "twoFactor.codeWrong", { fields: { code: "twoFactor.codeWrong" } });
    await tx.update(secondFactors).set({ secret: factor!.pendingSecret, pendingSecret: null, enabledAt: new Date(), lastStep: step, updatedAt: new Date() }).where(eq(secondFactors.userId, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id);
    await mailChange(tx, user, "on");
    return { recoveryCodes: codes };
  });
  await recordInEveryDesk(db, user.id, ip, "auth.twoFactorEnabled");
  return enrolled;
}

async function replaceRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(6).toString("hex");
    return `${raw.slice(0, 6)}-${raw.slice(6)}`;
  });
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashSecretToken(normalCode(code)) })));
  return codes;
}

/**
 * Checks a second factor for signing in: a code from the app (each time step accepted once, so a
 * code seen over someone's shoulder cannot be used again) or a recovery code (used up). Limited
 * per account. True when it is right.
 */
export async function checkSecondFactor(db: Database, userId: string, code: string, ip: string | null): Promise<boolean> {
  await consumeLimits(db, [["secondFactorPerAccount", userId]], "twoFactor.tooMany");
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    return db.transaction(async (tx) => {
      const [factor] = await tx.select().from(secondFactors).where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.enabledAt))).for("update");
      const secret = factor?.secret ? open(SECRET_PURPOSE, factor.secret) : null;
      const step = secret ? stepOf(secret, trimmed) : null;
      if (step === null || step <= factor!.lastStep) return false;
      await tx.update(secondFactors).set({ lastStep: step }).where(eq(secondFactors.userId, userId));
      return true;
    });
  }
  const [used] = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashSecretToken(normalCode(trimmed))), isNull(recoveryCodes.usedAt)))
    .returning({ userId: recoveryCodes.userId });
  if (!used) return false;
  await recordInEveryDesk(db, userId, ip, "auth.recoveryCodeUsed");
  return true;
}

/** New recovery codes for someone signed in with two-factor on; the old ones stop working. */
export async function renewRecoveryCodes(db: Database, userId: string, code: string, ip: string | null): Promise<{ recoveryCodes: string[] }> {
  if (!(await checkSecondFactor(db, userId, code, ip))) throw new DeskError("BAD_REQUEST", "twoFactor.codeWrong", { fields: { code: "twoFactor.codeWrong" } });
  return db.transaction(async (tx) => ({ recoveryCodes: await replaceRecoveryCodes(tx, userId) }));
}

/** Turns two-factor sign-in off: the password and a current code (or a recovery code) are asked. */
export async function disableSecondFactor(db: Database, user: { id: string; email: string; locale: "en" | "ru" }, input: { password: string; code: string }, ip: string | null): Promise<void> {
  const [person] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!person || !(await verifyPassword(person.passwordHash, input.password))) {
    throw new DeskError("BAD_REQUEST", "password.currentWrong", { fields: { password: "password.currentWrong" } });
  }
  if (!(await checkSecondFactor(db, user.id, input.code, ip))) throw new DeskError("BAD_REQUEST", "twoFactor.codeWrong", { fields: { code: "twoFactor.codeWrong" } });
  await db.transaction(async (tx) => {
    await tx.delete(secondFactors).where(eq(secondFactors.userId, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await mailChange(tx, user, "off");
  });
  await recordInEveryDesk(db, user.id, ip, "auth.twoFactorDisabled");
}

async function mailChange(tx: Database | Transaction, user: { email: string; locale: "en" | "ru" }, state: "on" | "off") {
  const t = await mailTranslator(user.locale);
  await enqueueAccountMail(tx, { kind: "account.twoFactorChanged", to: user.email, subject: t(`account.twoFactor.${state}Subject`), text: t(`account.twoFactor.${state}Body`) });
}

/** Two-factor changes go into the event log of every desk of the person (each in its own scope). */
async function recordInEveryDesk(db: Database, userId: string, ip: string | null, action: string) {
  await forEachDeskOfMember(db, userId, (tx, tenantId) => recordEvent(tx, { tenantId, userId, ip }, { action, objectType: "user", objectId: userId }));
}
