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
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { SessionUser } from "./auth/service";
import type { Database, TenantDb } from "./db/types";
import type { Listen } from "./realtime/bus";
import { withTenant } from "./db/tenant";
import { unsafeFindDeskAccess } from "./desks/access";
import { deskSlug } from "./desks/inputs";
import { DeskError, type DeskErrorCode } from "./errors";
import type { Actor } from "./staff/actor";
import { can, type DeskAction } from "./staff/permissions";
import { touchLastSeen } from "./staff/service";

// 1. Context ---------------------------------------------------------------------------------
export type Context = {
  db: Database;
  /** LISTEN on the same database, for live updates. */
  listen: Listen;
  user: SessionUser | null;
  ip: string | null;
  /** The id an unforeseen error is reported to the client and logged with (HTTP requests only). */
  requestId?: string | null;
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

export const publicProcedure = t.procedure.use(deskErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "auth.required" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

const deskClaim = z.object({ desk: deskSlug });

/**
 * The desk slug in the input is only a claim: it is checked against the caller's memberships,
 * then the handler runs inside withTenant with a db that sees only that desk. A handler error
 * rolls the whole transaction back.
 */
export const deskProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = deskClaim.safeParse(await getRawInput());
  if (!claim.success) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  const found = await unsafeFindDeskAccess(ctx.db, claim.data.desk, ctx.user.id);
  // Not a member, or no such desk: the same answer, so desk addresses cannot be probed.
  if (!found || !found.access.active) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  const actor: Actor = { tenantId: found.tenantId, userId: ctx.user.id, membershipId: found.membershipId, access: found.access, ip: ctx.ip };
  return withTenant(
    ctx.db,
    found.tenantId,
    async (tx: TenantDb) => {
      await touchLastSeen(tx, found.membershipId);
      const result = await next({ ctx: { ...ctx, tx, actor, deskSlug: found.slug } });
      if (!result.ok) throw result.error;
      return result;
    },
    { userId: ctx.user.id },
  );
});

/**
 * Membership checked like deskProcedure, but no transaction is held open: for long-lived
 * subscriptions, which only pass on ids of changes and never read desk data themselves.
 */
export const deskAccessProcedure = authedProcedure.use(async ({ ctx, getRawInput, next }) => {
  const claim = deskClaim.safeParse(await getRawInput());
  if (!claim.success) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  const found = await unsafeFindDeskAccess(ctx.db, claim.data.desk, ctx.user.id);
  if (!found || !found.access.active) throw new TRPCError({ code: "NOT_FOUND", message: "desk.notFound" });
  const actor: Actor = { tenantId: found.tenantId, userId: ctx.user.id, membershipId: found.membershipId, access: found.access, ip: ctx.ip };
  return next({ ctx: { ...ctx, actor } });
});

/** A desk procedure the caller's role and grants allow (desk-wide actions). */
export function requires(action: DeskAction) {
  return deskProcedure.use(({ ctx, next }) => {
    if (!can(ctx.actor.access, action)) throw new TRPCError({ code: "FORBIDDEN", message: "permission.denied" });
    return next();
  });
}

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
