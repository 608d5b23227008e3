/**
 * tRPC in three parts.
 * 1. Context: what every procedure gets (database, signed-in person, caller's IP). Built from the
 *    request in server/context.ts, or directly in tests.
 * 2. Initialisation: superjson for dates, and one error formatter that turns DeskError and zod
 *    errors into codes and field messages forms can show.
 * 3. Procedures: public → authed (a signed-in person) → desk (a member of the desk named in the
 *    input, inside that desk's tenant scope) → requires(action) (allowed by can()).
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { SessionUser } from "./auth/service";
import type { Database } from "./db/types";
import type { Listen } from "./kernel/live";
import { observeRequest } from "./kernel/metrics";
import type { RequestNotes } from "./http/route";
import { textInput } from "@/lib/text-input";
import { isPlatformOperator } from "./platform/operator";
import { asMember, asMemberReading, memberAccess, memberScope, watchMember } from "./tenancy/member";
import { env } from "@/env";
import { viaCustomerLink, viaHelpCentre } from "./tenancy/public";
import { DeskError, type DeskErrorCode } from "./errors";
import { can, type DeskAction } from "./kernel/permissions";
import { touchLastSeen } from "./staff/service";
import { deskSlug } from "./kernel/inputs";

// 1. Context ---------------------------------------------------------------------------------
export type Context = {
  db: Database;
  /** The read replica (DATABASE_REPLICA_URL) for deskReadProcedure; null: reads stay on db. */
  replica?: Database | null;
  /** LISTEN on the same database, for live updates. */
  listen: Listen;
  user: SessionUser | null;
  ip: string | null;
  /** The id an unforeseen error is reported to the client and logged with (HTTP requests only). */
  requestId?: string | null;
  /** The request's headers (cookies), and headers to answer with (a cookie to set): HTTP only. */
  requestHeaders?: Headers | null;
  responseHeaders?: Headers | null;
  /** Adds to the request's log line (the desk a procedure entered): HTTP only. */
  note?: (fields: RequestNotes) => void;
};

// 2. Initialisation --------------------------------------------------------------------------
const trpcCode: Record<DeskErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "BAD_REQUEST",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  LIMIT_REACHED: "FORBIDDEN",
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Live updates (SSE) pass through proxies that drop idle connections (an ALB after 60 s): the
  // server sends a comment every 15 s, and the client reconnects when it heard nothing for 45 s.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 45_000 } },
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    // An error we did not foresee: its text may hold SQL, parameters or driver details, so the
    // client gets a generic key and the request id; the log has the whole error under that id.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "generic" : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        requestId: ctx?.requestId ?? null,
        messageKey: cause instanceof DeskError ? cause.messageKey : internal ? "generic" : null,
        messageParams: cause instanceof DeskError ? (cause.params ?? null) : null,
        fieldErrors:
          cause instanceof ZodError ? z.flattenError(cause).fieldErrors : cause instanceof DeskError ? (cause.fields ?? null) : null,
        formErrors: cause instanceof ZodError ? z.flattenError(cause).formErrors : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. Procedures ------------------------------------------------------------------------------

/** Maps a DeskError thrown by a service to its tRPC code, keeping the cause. */
const deskErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DeskError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCode[cause.code], message: cause.messageKey, cause });
  }
  return result;
});

/** Each call's duration and answer, per procedure, for /api/metrics (a batch counts each call). */
const timing = t.middleware(async ({ path, next }) => {
  const started = performance.now();
  const result = await next();
  observeRequest("procedure", path, result.ok ? 200 : getHTTPStatusCodeFromError(result.error), (performance.now() - started) / 1000);
  return result;
});

export const publicProcedure = t.procedure.use(timing).use(deskErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "auth.required" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

const deskClaim = z.object({ desk: deskSlug });

/**
 * The desk slug in the input is only a claim: the tenancy door checks it against the caller's
 * memberships, then the handler runs inside that desk's scope with a db that sees only that desk.
 * A handler error rolls the whole transaction back.
 */
export const deskProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = deskClaim.safeParse(await getRawInput());
  if (!claim.success) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  return asMember(ctx.db, { userId: ctx.user.id, ip: ctx.ip, desk: claim.data.desk, twoFactor: ctx.user.twoFactor }, async (tx, actor, desk) => {
    ctx.note?.({ desk: desk.slug });
    await touchLastSeen(tx, desk.membershipId);
    const result = await next({ ctx: { ...ctx, tx, actor, deskSlug: desk.slug } });
    if (!result.ok) throw result.error;
    return result;
  });
});

/**
 * Like deskProcedure for reads that may lag the primary by a moment — reports, search, list
 * counts: they run read-only on the read replica when one is configured (RLS applies there too).
 * Nothing that reads what the same request or the previous one wrote belongs here.
 */
export const deskReadProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = deskClaim.safeParse(await getRawInput());
  if (!claim.success) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  return asMemberReading(ctx.db, ctx.replica ?? null, { userId: ctx.user.id, ip: ctx.ip, desk: claim.data.desk, twoFactor: ctx.user.twoFactor }, async (tx, actor) => {
    ctx.note?.({ desk: claim.data.desk });
    const result = await next({ ctx: { ...ctx, tx, actor, deskSlug: claim.data.desk } });
    if (!result.ok) throw result.error;
    return result;
  });
});

/**
 * Membership checked like deskProcedure, but no transaction is held open: for long-lived
 * subscriptions, which only pass on ids of changes and never read desk data themselves. They
 * filter with `ctx.watch(signal).actor()` and stop at its signal (access re-checked while open).
 */
export const deskAccessProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = deskClaim.safeParse(await getRawInput());
  if (!claim.success) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  const memberClaim = { userId: ctx.user.id, ip: ctx.ip, desk: claim.data.desk, twoFactor: ctx.user.twoFactor };
  const { actor } = await memberAccess(ctx.db, memberClaim);
  ctx.note?.({ desk: claim.data.desk });
  // A stream outlives the check above: it re-reads the member while open and ends when they lose the desk.
  const watch = (signal?: AbortSignal) => watchMember(ctx.db, memberClaim, actor, env.LIVE_ACCESS_CHECK_SECONDS * 1000, signal);
  return next({ ctx: { ...ctx, actor, watch } });
});

/** A desk procedure the caller's role and grants allow (desk-wide actions). */
export function requires(action: DeskAction) {
  return deskProcedure.use(({ ctx, next }) => {
    if (!can(ctx.actor.access, action)) throw new TRPCError({ code: "FORBIDDEN", message: "permission.denied" });
    return next();
  });
}

/**
 * Like requires(action), but no transaction is held open: for settings work that waits on the
 * network (a mail server, a name server), which must not hold the embedded database's only
 * connection. The handler enters the desk through ctx.scope, in short scopes of its own.
 */
export function requiresOverNetwork(action: DeskAction) {
  return authedProcedure.use(async ({ ctx, getRawInput, next }) => {
    const claim = deskClaim.safeParse(await getRawInput());
    if (!claim.success) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
    const { actor, scope } = await memberScope(ctx.db, { userId: ctx.user.id, ip: ctx.ip, desk: claim.data.desk, twoFactor: ctx.user.twoFactor });
    ctx.note?.({ desk: claim.data.desk });
    if (!can(actor.access, action)) throw new TRPCError({ code: "FORBIDDEN", message: "permission.denied" });
    return next({ ctx: { ...ctx, actor, scope } });
  });
}

/**
 * The public help centre's interactive parts. The desk comes from its address (only desks past
 * setup have a help centre); everything then runs inside that desk's scope.
 */
export const helpProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = deskClaim.safeParse(await getRawInput());
  const answer = claim.success
    ? await viaHelpCentre(ctx.db, claim.data.desk, async (tx, desk) => {
        const result = await next({ ctx: { ...ctx, tx, tenantId: desk.tenantId } });
        if (!result.ok) throw result.error;
        return result;
      })
    : null;
  if (!answer) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  return answer;
});

const linkClaim = z.object({ token: textInput().max(100) });

/**
 * The customer's side, with no account: the token in the input is the only credential. It is
 * resolved to its desk and customer, then everything runs inside that desk's scope and reads only
 * that customer's tickets. An unknown or expired token: NOT_FOUND, nothing else.
 */
export const portalProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = linkClaim.safeParse(await getRawInput());
  const answer = claim.success
    ? await viaCustomerLink(ctx.db, claim.data.token, async (tx, link) => {
        const result = await next({ ctx: { ...ctx, tx, link } });
        if (!result.ok) throw result.error;
        return result;
      })
    : null;
  if (!answer) throw new TRPCError({ code: "NOT_FOUND", message: "portal.notFound" });
  return answer;
});

/** The platform operator's console: people whose verified email is in PLATFORM_ADMINS. */
export const operatorProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!(await isPlatformOperator(ctx.db, ctx.user.id))) throw new TRPCError({ code: "FORBIDDEN", message: "permission.denied" });
  return next({ ctx: { ...ctx, operator: { userId: ctx.user.id, email: ctx.user.email, ip: ctx.ip } } });
});

/** The input of a desk procedure: the desk slug plus the procedure's own fields, nothing else. */
export function deskInput<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ desk: deskSlug, ...shape });
}

/** Keyset pagination fields; TanStack's infinite queries also send the direction they page in. */
export const pageInput = {
  cursor: z.uuid().nullish(),
  direction: z.enum(["forward", "backward"]).optional(),
  limit: z.number().int().min(1).max(100).default(50),
};
