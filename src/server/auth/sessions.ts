import { and, desc, eq, isNull, lt, ne, sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/types";
import { DeskError } from "../errors";
import { secondFactors, userSessions, users, type SignInMethod } from "./schema";

/** Where a sign-in came from, as the sessions list shows it. */
export type ClientInfo = { ip: string | null; userAgent: string | null };

// A session's "last active" is written at most this often, not on every request.
const TOUCH_EVERY_MS = 5 * 60_000;

/** A new signed-in session of the person (the cookie carries its id). */
export async function startSession(db: Database | Transaction, userId: string, method: SignInMethod, client: ClientInfo): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, method, ip: client.ip, userAgent: client.userAgent?.slice(0, 400) ?? null })
    .returning({ id: userSessions.id });
  return row!.id;
}

/**
 * The person behind a session cookie, while it is still good: the session row exists and is not
 * revoked, and the person's token version is the one the cookie carries (a password reset or
 * change bumps it and ends every session at once).
 */
export async function findSessionUser(db: Database, userId: string, tokenVersion: number, sessionId: string | null) {
  if (!sessionId || !/^[0-9a-f-]{36}$/.test(sessionId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      tokenVersion: users.tokenVersion,
      sessionId: userSessions.id,
      lastSeenAt: userSessions.lastSeenAt,
      twoFactor: sql<boolean>`${secondFactors.enabledAt} is not null`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(secondFactors, eq(secondFactors.userId, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
  if (!row || row.tokenVersion !== tokenVersion) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(userSessions).set({ lastSeenAt: new Date() }).where(eq(userSessions.id, row.sessionId));
  }
  const { lastSeenAt: _seen, ...user } = row;
  return user;
}
export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

/** The person's signed-in sessions, newest first, the current one marked. */
export async function listSessions(db: Database, user: SessionUser) {
  const rows = await db
    .select({ id: userSessions.id, method: userSessions.method, ip: userSessions.ip, userAgent: userSessions.userAgent, createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .where(and(eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)))
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(100);
  return rows.map((r) => ({ ...r, current: r.id === user.sessionId }));
}

/** Ends one of the person's own sessions (another person's id is simply not found). */
export async function revokeSession(db: Database, user: SessionUser, sessionId: string): Promise<void> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  if (!ended.length) throw new DeskError("NOT_FOUND", "session.notFound");
}

/** Ends every session of the person, or every one but the current. */
export async function revokeSessions(db: Database | Transaction, userId: string, options: { except?: string | null } = {}): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), options.except ? ne(userSessions.id, options.except) : undefined))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** Ends every session and makes every session cookie of the person worthless (token version). */
export async function endEverySession(db: Database | Transaction, userId: string): Promise<void> {
  await db.update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, userId));
  await revokeSessions(db, userId);
}

/** Sessions ended long ago: housekeeping. */
export async function unsafeForgetEndedSessions(db: Database): Promise<void> {
  await db.delete(userSessions).where(lt(userSessions.revokedAt, new Date(Date.now() - 30 * 24 * 3600_000)));
}
