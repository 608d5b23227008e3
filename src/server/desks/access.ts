import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/types";
import { departments } from "../departments/schema";
import { effectiveGrants, type Access } from "../staff/permissions";
import { departmentGrants, memberships, type Role } from "../staff/schema";
import { tenants } from "./schema";

// These run before a desk scope exists: they read across desks, but only rows of the signed-in
// person (their own memberships), which is what decides whether a desk scope may be opened.

export type DeskAccess = {
  tenantId: string;
  slug: string;
  membershipId: string;
  access: Access;
};

export type DeskOfUser = { slug: string; displayName: string; role: Role; setupCompleted: boolean };

/** The person's membership on the desk with this slug, with effective grants; null if none. */
export async function unsafeFindDeskAccess(db: Database, slug: string, userId: string): Promise<DeskAccess | null> {
  const [row] = await db
    .select({ tenantId: tenants.id, slug: tenants.slug, membershipId: memberships.id, role: memberships.role, active: memberships.active, kbEditor: memberships.kbEditor })
    .from(tenants)
    .innerJoin(memberships, and(eq(memberships.tenantId, tenants.id), eq(memberships.userId, userId)))
    .where(eq(tenants.slug, slug));
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
