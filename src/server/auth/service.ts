import { eq } from "drizzle-orm";
import type { Database } from "../db/types";
import { DeskError } from "../errors";
import { recordEvent } from "../kernel/events";
import { forEachDeskOfMember } from "../tenancy/accounts";
import { deviceToken } from "./devices";
import { users } from "./schema";
import { checkSecondFactor } from "./second-factor";
import { startSession, type ClientInfo } from "./sessions";
import type { SignInClient } from "./sign-in";
import { issueTicket, spendTicket, takeTicket, ticketForCode } from "./tickets";

export { findSessionUser, type SessionUser } from "./sessions";

export type SignedInUser = { id: string; name: string; email: string; tokenVersion: number; sessionId: string };

/**
 * The second step for a person with two-factor sign-in: a code from their app, or a recovery code.
 * Five wrong codes end the ticket (the password must be given again); a right one gives the ticket
 * that makes the session.
 */
export async function checkCode(db: Database, input: { ticket: string; code: string }, client: SignInClient): Promise<{ ticket: string; deviceToken: string }> {
  const pending = await ticketForCode(db, input.ticket);
  if (!pending) throw new DeskError("NOT_FOUND", "signIn.codeExpired");
  if (!(await checkSecondFactor(db, pending.userId, input.code, client.ip))) {
    throw new DeskError("BAD_REQUEST", "twoFactor.codeWrong", { fields: { code: "twoFactor.codeWrong" } });
  }
  await spendTicket(db, input.ticket);
  const device = client.device?.userId === pending.userId ? client.device.deviceId : undefined;
  return { ticket: await issueTicket(db, pending.userId, "sign_in", pending.method), deviceToken: deviceToken(pending.userId, device) };
}

/**
 * The last step, called by Auth.js: a sign-in ticket (from the password, the second factor, a
 * reset or a confirmation link — each single use, two minutes) becomes a session, recorded with
 * where it came from. Each desk of the person logs the sign-in.
 */
export async function signInWithTicket(db: Database, ticket: string, client: ClientInfo): Promise<SignedInUser | null> {
  const taken = await takeTicket(db, ticket, "sign_in");
  if (!taken) return null;
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email, tokenVersion: users.tokenVersion }).from(users).where(eq(users.id, taken.userId));
  if (!user) return null;
  const sessionId = await startSession(db, user.id, taken.method, client);
  await forEachDeskOfMember(db, user.id, (tx, tenantId) => recordEvent(tx, { tenantId, userId: user.id, ip: client.ip }, { action: "auth.signedIn", objectType: "user", objectId: user.id, summary: { method: taken.method } }));
  return { ...user, sessionId };
}
