import { sql } from "drizzle-orm";
import { baseUrl } from "@/env";
import type { Database } from "../db/types";
import { DeskError } from "../errors";
import { clearLimit, consumeLimits, countAgainst, endHold, holdFor, holdLeft, limitSpent } from "../kernel/limits";
import { hashPassword, verifyPassword } from "../kernel/password";
import { enqueueAccountMail } from "../outbox/account-mail";
import { mailTranslator } from "../outbox/translate";
import { deviceToken, type Device } from "./devices";
import { sendConfirmation } from "./confirmation";
import { users } from "./schema";
import { hasSecondFactor } from "./second-factor";
import { issueTicket } from "./tickets";

// Compared against when the email is unknown, so both cases cost the same time.
const decoyHash = hashPassword("deskhand-decoy-password");

/** Failures against one account before each further attempt has to wait. */
export const FREE_FAILURES = 5;
/** Failures against one account after which its owner is mailed (once a day). */
export const ALERT_FAILURES = 10;
const MAX_DELAY_SECONDS = 15 * 60;

/** The wait after the n-th failure against an account: none for the first few, then doubling to 15 minutes. */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, 15 * 2 ** (failures - FREE_FAILURES));
}

export type SignInClient = { ip: string | null; device: Device | null };

/** What the password step leads to: the second factor, a session, or confirming the address first. */
export type PasswordOutcome = { step: "code"; ticket: string } | { step: "signIn"; ticket: string; deviceToken: string } | { step: "confirm" };

const wait = (seconds: number) => new DeskError("TOO_MANY_REQUESTS", "signIn.slowedDown", { params: { minutes: Math.max(1, Math.ceil(seconds / 60)) } });

/**
 * The first step of signing in. Failures are counted per client address (too many and that client
 * waits) and per account across every address: after FREE_FAILURES each further attempt must wait,
 * longer each time, up to 15 minutes — and a correct password works again once the wait is over.
 * A browser the owner signed in from before (its device cookie) is not held by failures from
 * elsewhere, only by its own. The answer for a wrong password and an unknown address is the same.
 */
export async function checkPassword(db: Database, input: { email: string; password: string }, client: SignInClient): Promise<PasswordOutcome | null> {
  const email = input.email.trim().toLowerCase();
  const clientWait = client.ip ? await limitSpent(db, "signInFailuresPerClient", client.ip) : 0;
  if (clientWait) throw new DeskError("TOO_MANY_REQUESTS", "signIn.rateLimited", { params: { minutes: Math.ceil(clientWait / 60) } });
  const [user] = await db
    .select({ id: users.id, email: users.email, locale: users.locale, passwordHash: users.passwordHash, verified: users.emailVerifiedAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  const knownDevice = client.device && user && client.device.userId === user.id ? client.device : null;
  const accountKey = user?.id ?? `unknown:${email}`;
  if (knownDevice) {
    const deviceWait = await limitSpent(db, "signInFailuresPerDevice", `${knownDevice.userId}:${knownDevice.deviceId}`);
    if (deviceWait) throw new DeskError("TOO_MANY_REQUESTS", "signIn.rateLimited", { params: { minutes: Math.ceil(deviceWait / 60) } });
  } else {
    const left = await holdLeft(db, "signInFailuresPerAccount", accountKey);
    if (left > 0) throw wait(left);
  }
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !ok) {
    await recordFailure(db, accountKey, user ?? null, client);
    return null;
  }
  if (knownDevice) await clearLimit(db, "signInFailuresPerDevice", `${knownDevice.userId}:${knownDevice.deviceId}`);
  else await clearFailures(db, accountKey);
  if (!user.verified) {
    // The address is not proven yet: a new link goes to it, and nobody gets in before it is used.
    await sendConfirmation(db, user);
    return { step: "confirm" };
  }
  if (await hasSecondFactor(db, user.id)) return { step: "code", ticket: await issueTicket(db, user.id, "second_factor", "password") };
  return { step: "signIn", ticket: await issueTicket(db, user.id, "sign_in", "password"), deviceToken: deviceToken(user.id, knownDevice?.deviceId) };
}

async function recordFailure(db: Database, accountKey: string, user: { id: string; email: string; locale: "en" | "ru" } | null, client: SignInClient) {
  if (client.ip) await countAgainst(db, "signInFailuresPerClient", client.ip);
  if (client.device && user && client.device.userId === user.id) {
    await countAgainst(db, "signInFailuresPerDevice", `${client.device.userId}:${client.device.deviceId}`);
    return;
  }
  const failures = await countAgainst(db, "signInFailuresPerAccount", accountKey);
  const delay = delayAfterFailures(failures);
  if (delay > 0) await holdFor(db, "signInFailuresPerAccount", accountKey, delay);
  if (user && failures >= ALERT_FAILURES) await alertOwner(db, user, failures);
}

async function clearFailures(db: Database, accountKey: string) {
  await clearLimit(db, "signInFailuresPerAccount", accountKey);
  await endHold(db, "signInFailuresPerAccount", accountKey);
}

/** Mails the owner of an account under attack, at most once a day. */
async function alertOwner(db: Database, user: { id: string; email: string; locale: "en" | "ru" }, failures: number) {
  try {
    await consumeLimits(db, [["signInAlertPerAccount", user.id]]);
  } catch {
    return;
  }
  const t = await mailTranslator(user.locale);
  await enqueueAccountMail(db, {
    kind: "account.signInAlert",
    to: user.email,
    subject: t("account.signInAlert.subject"),
    text: t("account.signInAlert.body", { failures, link: `${baseUrl}/forgot-password` }),
  });
}
