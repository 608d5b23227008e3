import { and, asc, eq, ne, sql } from "drizzle-orm";
import { users } from "../auth/schema";
import { assertSeatAvailable } from "./seats";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { assertDepartmentsOfDesk } from "./grants";
import { departmentGrants, memberships, type Membership } from "./schema";
import { recordEvent } from "../kernel/events";
import { type GrantLevel, type Role } from "./values";

export type StaffMember = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  avatarColor: string;
  role: Role;
  active: boolean;
  kbEditor: boolean;
  lastSeenAt: Date | null;
  joinedAt: Date;
  grants: Record<string, GrantLevel>;
};

/** Everyone on the desk, owners first, with their department grants. */
export async function listStaff(tx: TenantDb): Promise<StaffMember[]> {
  const [people, grants] = await Promise.all([
    tx
      .select({
        membershipId: memberships.id,
        userId: users.id,
        name: users.name,
        email: users.email,
        avatarColor: users.avatarColor,
        role: memberships.role,
        active: memberships.active,
        kbEditor: memberships.kbEditor,
        lastSeenAt: memberships.lastSeenAt,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'admin' then 1 else 2 end`, asc(users.name)),
    tx.select().from(departmentGrants),
  ]);
  return people.map((person) => ({
    ...person,
    grants: Object.fromEntries(grants.filter((g) => g.membershipId === person.membershipId).map((g) => [g.departmentId, g.level])),
  }));
}

async function membershipOf(tx: TenantDb, id: string): Promise<Membership> {
  const [row] = await tx.select().from(memberships).where(eq(memberships.id, id));
  if (!row) throw new DeskError("NOT_FOUND", "staff.notFound");
  return row;
}

async function activeOwnerCount(tx: TenantDb): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.role, "owner"), eq(memberships.active, true)));
  return row?.n ?? 0;
}

/** Admin ⇄ agent. Owners change only through a transfer of ownership. */
export async function changeRole(tx: TenantDb, actor: Actor, membershipId: string, role: "admin" | "agent"): Promise<void> {
  const target = await membershipOf(tx, membershipId);
  if (target.role === "owner") throw new DeskError("FORBIDDEN", "staff.ownerRole");
  if (target.role === role) return;
  await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId));
  await recordEvent(tx, actor, {
    action: "staff.roleChanged",
    objectType: "membership",
    objectId: membershipId,
    summary: { before: target.role, after: role },
  });
}

/** Replaces a member's department grants with the given ones. */
export async function setGrants(tx: TenantDb, actor: Actor, membershipId: string, grants: Record<string, GrantLevel>): Promise<void> {
  await membershipOf(tx, membershipId);
  await assertDepartmentsOfDesk(tx, Object.keys(grants));
  const before = Object.fromEntries(
    (await tx.select().from(departmentGrants).where(eq(departmentGrants.membershipId, membershipId))).map((g) => [g.departmentId, g.level]),
  );
  await tx.delete(departmentGrants).where(eq(departmentGrants.membershipId, membershipId));
  const entries = Object.entries(grants);
  if (entries.length > 0) {
    await tx
      .insert(departmentGrants)
      .values(entries.map(([departmentId, level]) => ({ tenantId: actor.tenantId, membershipId, departmentId, level })));
  }
  await recordEvent(tx, actor, { action: "staff.grantsChanged", objectType: "membership", objectId: membershipId, summary: { before, after: grants } });
}

/** Lets an agent write the knowledge base, or stops it (owners and admins always may). */
export async function setKbEditor(tx: TenantDb, actor: Actor, membershipId: string, kbEditor: boolean): Promise<void> {
  await membershipOf(tx, membershipId);
  await tx.update(memberships).set({ kbEditor }).where(eq(memberships.id, membershipId));
  await recordEvent(tx, actor, { action: "staff.kbEditorChanged", objectType: "membership", objectId: membershipId, summary: { kbEditor } });
}

/** A deactivated person keeps their history but loses the desk at their very next request. */
export async function setActive(tx: TenantDb, actor: Actor, membershipId: string, active: boolean): Promise<void> {
  const target = await membershipOf(tx, membershipId);
  if (target.active === active) return;
  if (!active) {
    if (target.id === actor.membershipId) throw new DeskError("FORBIDDEN", "staff.notYourself");
    if (target.role === "owner" && actor.access.role !== "owner") throw new DeskError("FORBIDDEN", "staff.ownerProtected");
    if (target.role === "owner" && (await activeOwnerCount(tx)) <= 1) throw new DeskError("FORBIDDEN", "staff.lastOwner");
  } else {
    await assertSeatAvailable(tx);
  }
  await tx.update(memberships).set({ active }).where(eq(memberships.id, membershipId));
  await recordEvent(tx, actor, {
    action: active ? "staff.reactivated" : "staff.deactivated",
    objectType: "membership",
    objectId: membershipId,
    summary: {},
  });
}

/** The owner hands the desk to an active colleague and becomes an admin. */
export async function transferOwnership(tx: TenantDb, actor: Actor, membershipId: string): Promise<void> {
  if (actor.access.role !== "owner") throw new DeskError("FORBIDDEN", "permission.denied");
  const target = await membershipOf(tx, membershipId);
  if (target.id === actor.membershipId) throw new DeskError("BAD_REQUEST", "staff.alreadyOwner");
  if (!target.active) throw new DeskError("BAD_REQUEST", "staff.inactive");
  await tx.update(memberships).set({ role: "owner" }).where(eq(memberships.id, target.id));
  await tx.update(memberships).set({ role: "admin" }).where(and(eq(memberships.id, actor.membershipId), ne(memberships.id, target.id)));
  await tx.delete(departmentGrants).where(eq(departmentGrants.membershipId, target.id));
  await recordEvent(tx, actor, { action: "staff.ownershipTransferred", objectType: "membership", objectId: target.id, summary: { from: actor.membershipId, to: target.id } });
}

/** Records that the person used the desk; at most one write per five minutes. */
/** The owner's membership of a desk they have just created. */
export async function addOwner(tx: TenantDb, tenantId: string, userId: string): Promise<void> {
  await tx.insert(memberships).values({ tenantId, userId, role: "owner" });
}

export async function touchLastSeen(tx: TenantDb, membershipId: string): Promise<void> {
  await tx
    .update(memberships)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(memberships.id, membershipId), sql`(${memberships.lastSeenAt} is null or ${memberships.lastSeenAt} < now() - interval '5 minutes')`));
}

export async function getSignature(tx: TenantDb, membershipId: string): Promise<string> {
  return (await membershipOf(tx, membershipId)).signature;
}

export async function setSignature(tx: TenantDb, membershipId: string, signature: string): Promise<void> {
  await tx.update(memberships).set({ signature }).where(eq(memberships.id, membershipId));
}
