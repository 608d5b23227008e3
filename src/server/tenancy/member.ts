import { and, asc, eq } from "drizzle-orm";
import type { Database, TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { departments } from "../departments/schema";
import { effectiveGrants, type Access } from "../kernel/permissions";
import { departmentGrants, memberships } from "../staff/schema";
import { globalKeys, tenants } from "../kernel/schema";
import { deskScope, withTenant, type DeskScope } from "./scope";
import { type Role } from "../staff/values";
import { log } from "../log";

// These run before a desk scope exists: they read across desks, but only rows of the signed-in
// person (their own memberships), which is what decides whether a desk scope may be opened.

export type DeskAccess = {
  tenantId: string;
  slug: string;
  membershipId: string;
  access: Access;
  /** The desk lets in only members who sign in with a second factor. */
  requireTwoFactor: boolean;
};

export type DeskOfUser = { slug: string; displayName: string; role: Role; setupCompleted: boolean };

/** The person's membership on the desk with this slug, with effective grants; null if none. */
export async function unsafeFindDeskAccess(db: Database, slug: string, userId: string): Promise<DeskAccess | null> {
  // The directory names the desk (its primary key), joined in the same query: one round trip per request.
  const [row] = await db
    .select({ tenantId: tenants.id, slug: tenants.slug, requireTwoFactor: tenants.requireTwoFactor, membershipId: memberships.id, role: memberships.role, active: memberships.active, kbEditor: memberships.kbEditor })
    .from(globalKeys)
    .innerJoin(tenants, eq(tenants.id, globalKeys.deskId))
    .innerJoin(memberships, and(eq(memberships.tenantId, tenants.id), eq(memberships.userId, userId)))
    .where(and(eq(globalKeys.kind, "desk_slug"), eq(globalKeys.key, slug)));
  if (!row) return null;
  let grants = new Map();
  if (row.role === "agent") {
    const [nodes, direct] = await Promise.all([
      db.select({ id: departments.id, parentId: departments.parentId }).from(departments).where(eq(departments.tenantId, row.tenantId)),
      db
        .select({ departmentId: departmentGrants.departmentId, level: departmentGrants.level })
        .from(departmentGrants)
        .where(and(eq(departmentGrants.tenantId, row.tenantId), eq(departmentGrants.membershipId, row.membershipId))),
    ]);
    grants = effectiveGrants(nodes, new Map(direct.map((g) => [g.departmentId, g.level])));
  }
  return {
    tenantId: row.tenantId,
    slug: row.slug,
    requireTwoFactor: row.requireTwoFactor,
    membershipId: row.membershipId,
    access: { role: row.role, active: row.active, grants, kbEditor: row.kbEditor },
  };
}

/** Every desk where the person has an active membership, for the desk switcher. */
export async function unsafeListDesksOfUser(db: Database, userId: string): Promise<DeskOfUser[]> {
  const rows = await db
    .select({ slug: tenants.slug, displayName: tenants.displayName, role: memberships.role, setupCompletedAt: tenants.setupCompletedAt })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(tenants.displayName));
  return rows.map((r) => ({ slug: r.slug, displayName: r.displayName, role: r.role, setupCompleted: r.setupCompletedAt !== null }));
}

/**
 * A signed-in person and the desk they claim (the address in the URL): what the door checks, with
 * whether they signed up for a second factor (a desk may require one).
 */
export type MemberClaim = { userId: string; ip: string | null; desk: string; twoFactor: boolean };

/**
 * The member's desk access and the actor they act as, checked against their memberships without
 * opening a scope (for live streams, which hold no transaction). A stranger, an inactive member and
 * a missing desk all get the same NOT_FOUND, so desk addresses cannot be probed.
 */
export async function memberAccess(db: Database, claim: MemberClaim): Promise<{ desk: DeskAccess; actor: Actor }> {
  const desk = await unsafeFindDeskAccess(db, claim.desk, claim.userId);
  if (!desk?.access.active) throw new DeskError("NOT_FOUND", "desk.notFound");
  if (desk.requireTwoFactor && !claim.twoFactor) throw new DeskError("FORBIDDEN", "twoFactor.requiredByDesk");
  return { desk, actor: { tenantId: desk.tenantId, userId: claim.userId, membershipId: desk.membershipId, access: desk.access, ip: claim.ip } };
}

/** A member's way in: fn runs in one transaction that sees only the claimed desk, as that member. */
export async function asMember<T>(db: Database, claim: MemberClaim, fn: (tx: TenantDb, actor: Actor, desk: DeskAccess) => Promise<T>): Promise<T> {
  const { desk, actor } = await memberAccess(db, claim);
  return withTenant(db, desk.tenantId, (tx) => fn(tx, actor, desk), { userId: claim.userId });
}

/**
 * A member's way in for reads that may lag a moment (reports, search, counts): membership is
 * checked on the primary, then fn runs in a read-only transaction on the read replica when there is
 * one — through the same scope, so row-level security applies there too — else on the primary.
 */
export async function asMemberReading<T>(db: Database, replica: Database | null, claim: MemberClaim, fn: (tx: TenantDb, actor: Actor) => Promise<T>): Promise<T> {
  const { desk, actor } = await memberAccess(db, claim);
  return withTenant(replica ?? db, desk.tenantId, (tx) => fn(tx, actor), { userId: claim.userId, readOnly: replica !== null });
}

/**
 * A member's desk entered as often as the work needs, each time in a short scope of its own: for
 * settings work that waits on the network (a mail server), which must not hold a transaction open.
 */
export async function memberScope(db: Database, claim: MemberClaim): Promise<{ desk: DeskAccess; actor: Actor; scope: DeskScope }> {
  const found = await memberAccess(db, claim);
  return { ...found, scope: deskScope(db, found.desk.tenantId, claim.userId) };
}

/** A live stream's member: the actor as last re-read, and a signal that aborts when they lose the desk. */
export type WatchedMember = { actor: () => Actor; signal: AbortSignal };

/**
 * Re-reads the member's access every `intervalMs` while a live stream is open (a stream holds no
 * transaction, so nothing else would notice): a revoked grant narrows what it passes on from the
 * next check; a deactivated or removed membership, or a desk now requiring a second factor the
 * person lacks, aborts `signal`. A check that fails for another reason (the database briefly
 * away) keeps the last answer and tries again.
 */
export function watchMember(db: Database, claim: MemberClaim, actor: Actor, intervalMs: number, until?: AbortSignal): WatchedMember {
  const lost = new AbortController();
  let current = actor;
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    memberAccess(db, claim)
      .then(
        (found) => {
          current = found.actor;
        },
        (error: unknown) => {
          if (error instanceof DeskError) lost.abort(error);
          else log.warn({ err: error, desk: claim.desk }, "Could not re-check a live stream's member");
        },
      )
      .finally(() => {
        checking = false;
      });
  }, intervalMs);
  timer.unref?.();
  lost.signal.addEventListener("abort", () => clearInterval(timer), { once: true });
  if (until?.aborted) lost.abort(until.reason);
  else until?.addEventListener("abort", () => lost.abort(until.reason), { once: true });
  return { actor: () => current, signal: lost.signal };
}
