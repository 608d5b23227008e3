import { lt } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/env";
import type { Database, TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { rateLimits } from "./schema";

/**
 * Every rate limit of the platform, counted in Postgres (the `rate_limits` table, through
 * rate-limiter-flexible's Drizzle store) so it holds across any number of instances and restarts.
 * `points` per `seconds`; keys are namespaced by the limit's name.
 */
const specs = {
  // Visitors of a desk's public pages.
  submitPerIp: { points: 10, seconds: 3600 },
  submitPerDesk: { points: 500, seconds: 3600 },
  replyPerIp: { points: 60, seconds: 3600 },
  linkPerIp: { points: 5, seconds: 3600 },
  linkPerEmail: { points: 3, seconds: 3600 },
  linkPerDesk: { points: 200, seconds: 3600 },
  commentPerIp: { points: 10, seconds: 3600 },
  commentPerDesk: { points: 300, seconds: 3600 },
  votePerIp: { points: 120, seconds: 3600 },
  // "We received your request" to an address someone typed: a few a day, per desk and address.
  acknowledgementsPerAddress: { points: 3, seconds: 24 * 3600 },
  // Accounts: failed sign-ins from one client, and per account (the delay grows with them).
  signInFailuresPerClient: { points: () => env.SIGNIN_MAX_FAILURES * 6, seconds: () => env.SIGNIN_BLOCK_SECONDS },
  signInFailuresPerAccount: { points: 1_000_000, seconds: 24 * 3600 },
  signInFailuresPerDevice: { points: () => env.SIGNIN_MAX_FAILURES * 2, seconds: () => env.SIGNIN_BLOCK_SECONDS },
  signInAlertPerAccount: { points: 1, seconds: 24 * 3600 },
  secondFactorPerAccount: { points: 10, seconds: 900 },
  signUpPerClient: { points: () => env.SIGNUP_PER_CLIENT_PER_HOUR, seconds: 3600 },
  signUpPerDomain: { points: () => env.SIGNUP_PER_DOMAIN_PER_HOUR, seconds: 3600 },
  signUpPerAddress: { points: 3, seconds: 3600 },
  anotherDeskPerPerson: { points: 5, seconds: 24 * 3600 },
  resetPerAddress: { points: 5, seconds: 3600 },
  resetPerClient: { points: 5, seconds: 3600 },
  confirmationPerAddress: { points: 5, seconds: 3600 },
  // A solved sign-up challenge is good for one sign-up.
  proofOfWork: { points: 1, seconds: 3600 },
} satisfies Record<string, { points: number | (() => number); seconds: number | (() => number) }>;

export type LimitName = keyof typeof specs;

const value = (v: number | (() => number)) => (typeof v === "function" ? v() : v);

/**
 * The limiter over `client`: the database, or the desk transaction a request already holds (a
 * limit counted there commits or rolls back with the request, and the embedded database's single
 * connection is never asked for twice at once).
 */
function limiter(client: Database | TenantDb, name: LimitName) {
  const spec = specs[name];
  return new RateLimiterDrizzle({
    storeClient: client,
    schema: rateLimits,
    keyPrefix: name,
    points: value(spec.points),
    duration: value(spec.seconds),
    // Expired rows are removed by the housekeeping job, not by a timer in every process.
    clearExpiredByTimeout: false,
  });
}

const minutesOf = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * Takes one point from each named limit (a null key is skipped: no address, no limit); when any
 * is spent, refuses with TOO_MANY_REQUESTS (HTTP 429) and the minutes to wait.
 */
export async function consumeLimits(client: Database | TenantDb, checks: [LimitName, string | null][], messageKey = "public.tooMany"): Promise<void> {
  for (const [name, key] of checks) {
    if (!key) continue;
    try {
      await limiter(client, name).consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DeskError("TOO_MANY_REQUESTS", messageKey, { params: { minutes: minutesOf(error.msBeforeNext) } });
    }
  }
}

/** How much of a limit is used, without using any: points taken and when they expire. */
export async function limitState(client: Database | TenantDb, name: LimitName, key: string): Promise<{ points: number; msBeforeNext: number } | null> {
  const state = await limiter(client, name).get(key);
  return state ? { points: state.consumedPoints, msBeforeNext: state.msBeforeNext } : null;
}

/** Counts one failure without refusing anything (the caller decides what a count means). */
export async function countAgainst(client: Database | TenantDb, name: LimitName, key: string): Promise<number> {
  const state = await limiter(client, name).penalty(key, 1);
  return state.consumedPoints;
}

/** Holds `key` under `name` for `seconds` from now (a wait whose length the caller works out). */
export async function holdFor(client: Database | TenantDb, name: LimitName, key: string, seconds: number): Promise<void> {
  const hold = new RateLimiterDrizzle({ storeClient: client, schema: rateLimits, keyPrefix: `${name}:hold`, points: 1, duration: seconds, clearExpiredByTimeout: false });
  await hold.delete(key);
  await hold.penalty(key, 1);
}

/** The seconds left of a hold set by holdFor (0 when none). */
export async function holdLeft(client: Database | TenantDb, name: LimitName, key: string): Promise<number> {
  const hold = new RateLimiterDrizzle({ storeClient: client, schema: rateLimits, keyPrefix: `${name}:hold`, points: 1, duration: 1, clearExpiredByTimeout: false });
  const state = await hold.get(key);
  return state ? Math.max(0, state.msBeforeNext / 1000) : 0;
}

/** Ends a hold set by holdFor. */
export async function endHold(client: Database | TenantDb, name: LimitName, key: string): Promise<void> {
  await new RateLimiterDrizzle({ storeClient: client, schema: rateLimits, keyPrefix: `${name}:hold`, points: 1, duration: 1, clearExpiredByTimeout: false }).delete(key);
}

/** Whether a limit is spent for `key` (without taking from it), and the seconds until it frees. */
export async function limitSpent(client: Database | TenantDb, name: LimitName, key: string): Promise<number> {
  const state = await limiter(client, name).get(key);
  return state && state.remainingPoints <= 0 ? Math.max(1, state.msBeforeNext / 1000) : 0;
}

export async function clearLimit(client: Database | TenantDb, name: LimitName, key: string): Promise<void> {
  await limiter(client, name).delete(key);
}

/** Removes limits that have expired: housekeeping, run by a job. */
export async function unsafeClearExpiredLimits(db: Database): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(Date.now() - 3600_000)));
}
