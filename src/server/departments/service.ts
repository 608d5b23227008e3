import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { departmentsAllowed, type Access } from "../kernel/permissions";
import { memberships } from "../staff/schema";
import type { DepartmentForm } from "./inputs";
import { departments, type Department } from "./schema";
import { recordEvent } from "../kernel/events";

type AuditActor = Pick<Actor, "tenantId" | "userId" | "ip">;

/** Departments in display order; an agent sees only those their grants let them view. */
export async function listDepartments(tx: TenantDb, options: { includeArchived?: boolean; visibleTo?: Access } = {}): Promise<Department[]> {
  const all = await tx
    .select()
    .from(departments)
    .where(options.includeArchived ? undefined : isNull(departments.archivedAt))
    .orderBy(asc(departments.position), asc(departments.name));
  if (!options.visibleTo) return all;
  const allowed = departmentsAllowed(options.visibleTo, "ticket.view", all.map((d) => d.id));
  return allowed === "all" ? all : all.filter((d) => allowed.includes(d.id));
}

/** Where tickets go when nobody chose a department: the first top-level department still open. */
export async function defaultDepartment(tx: TenantDb): Promise<{ id: string } | null> {
  const [first] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(isNull(departments.archivedAt))
    .orderBy(sql`${departments.parentId} nulls first`, asc(departments.position), asc(departments.name))
    .limit(1);
  return first ?? null;
}

export async function getDepartment(tx: TenantDb, id: string): Promise<Department> {
  const [row] = await tx.select().from(departments).where(eq(departments.id, id));
  if (!row) throw new DeskError("NOT_FOUND", "department.notFound");
  return row;
}

async function nextPosition(tx: TenantDb, parentId: string | null): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${departments.position})` })
    .from(departments)
    .where(parentId ? eq(departments.parentId, parentId) : isNull(departments.parentId));
  return (row?.max ?? -1) + 1;
}

async function assertNameFree(tx: TenantDb, name: string, parentId: string | null, exceptId?: string) {
  const siblings = await tx
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(parentId ? eq(departments.parentId, parentId) : isNull(departments.parentId), isNull(departments.archivedAt)));
  if (siblings.some((s) => s.id !== exceptId && s.name.toLowerCase() === name.toLowerCase())) {
    throw new DeskError("CONFLICT", "department.duplicate", { fields: { name: "department.duplicate" } });
  }
}

async function assertResponsible(tx: TenantDb, membershipId: string | null) {
  if (!membershipId) return;
  const [row] = await tx.select({ active: memberships.active }).from(memberships).where(eq(memberships.id, membershipId));
  if (!row?.active) throw new DeskError("BAD_REQUEST", "staff.notFound", { fields: { responsibleMembershipId: "staff.notFound" } });
}

/** A parent must exist, be active, and not be the department itself or one of its descendants. */
async function assertParent(tx: TenantDb, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  const all = await tx.select({ id: departments.id, parentId: departments.parentId, archivedAt: departments.archivedAt }).from(departments);
  const byId = new Map(all.map((d) => [d.id, d]));
  const parent = byId.get(parentId);
  if (!parent || parent.archivedAt) throw new DeskError("BAD_REQUEST", "department.notFound", { fields: { parentId: "department.notFound" } });
  for (let node: typeof parent | undefined = parent, hops = 0; node && hops < 100; node = node.parentId ? byId.get(node.parentId) : undefined, hops++) {
    if (node.id === selfId) throw new DeskError("BAD_REQUEST", "department.cycle", { fields: { parentId: "department.cycle" } });
  }
}

export async function createDepartment(tx: TenantDb, actor: AuditActor, input: DepartmentForm): Promise<Department> {
  await assertParent(tx, input.parentId);
  await assertNameFree(tx, input.name, input.parentId);
  await assertResponsible(tx, input.responsibleMembershipId);
  const [created] = await tx
    .insert(departments)
    .values({ tenantId: actor.tenantId, ...input, position: await nextPosition(tx, input.parentId) })
    .returning();
  await recordEvent(tx, actor, { action: "department.created", objectType: "department", objectId: created!.id, summary: { name: created!.name, parentId: created!.parentId } });
  return created!;
}

/** Adds top-level departments after the existing ones, in the given order (the setup wizard). */
export async function createDepartments(tx: TenantDb, actor: AuditActor, names: string[]): Promise<Department[]> {
  const created: Department[] = [];
  for (const name of names) {
    created.push(await createDepartment(tx, actor, { name, description: "", parentId: null, isPublic: true, responsibleMembershipId: null }));
  }
  return created;
}

export async function updateDepartment(tx: TenantDb, actor: AuditActor, id: string, input: DepartmentForm): Promise<Department> {
  const before = await getDepartment(tx, id);
  await assertParent(tx, input.parentId, id);
  await assertNameFree(tx, input.name, input.parentId, id);
  await assertResponsible(tx, input.responsibleMembershipId);
  const moved = before.parentId !== input.parentId;
  const [updated] = await tx
    .update(departments)
    .set({ ...input, ...(moved ? { position: await nextPosition(tx, input.parentId) } : {}) })
    .where(eq(departments.id, id))
    .returning();
  await recordEvent(tx, actor, {
    action: "department.updated",
    objectType: "department",
    objectId: id,
    summary: {
      name: updated!.name,
      before: { name: before.name, description: before.description, parentId: before.parentId, isPublic: before.isPublic, responsibleMembershipId: before.responsibleMembershipId },
      after: input,
    },
  });
  return updated!;
}

/** Swaps a department with its neighbour among its siblings. */
export async function moveDepartment(tx: TenantDb, actor: AuditActor, id: string, direction: "up" | "down"): Promise<void> {
  const department = await getDepartment(tx, id);
  const siblings = await tx
    .select()
    .from(departments)
    .where(and(department.parentId ? eq(departments.parentId, department.parentId) : isNull(departments.parentId), isNull(departments.archivedAt)))
    .orderBy(asc(departments.position), asc(departments.name));
  const index = siblings.findIndex((d) => d.id === id);
  const other = siblings[direction === "up" ? index - 1 : index + 1];
  if (index < 0 || !other) return;
  // Renumber the siblings densely so equal positions from older data cannot block a move.
  const order = siblings.map((d) => d.id);
  [order[index], order[siblings.indexOf(other)]] = [other.id, id];
  for (const [position, departmentId] of order.entries()) {
    await tx.update(departments).set({ position }).where(eq(departments.id, departmentId));
  }
  await recordEvent(tx, actor, { action: "department.moved", objectType: "department", objectId: id, summary: { name: department.name, direction } });
}

/**
 * Whether the department can be archived now: not already archived, no sub-departments. Archiving
 * itself goes through archiveDepartment in tickets/department-moves.ts, which first hands its open
 * tickets to another department.
 */
export async function archivableDepartment(tx: TenantDb, id: string): Promise<Department | null> {
  const department = await getDepartment(tx, id);
  if (department.archivedAt) return null;
  const [child] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.parentId, id), isNull(departments.archivedAt)))
    .limit(1);
  if (child) throw new DeskError("CONFLICT", "department.hasChildren");
  return department;
}

/** A department that may take tickets: exists and is not archived. */
export async function activeDepartment(tx: TenantDb, id: string): Promise<Department | null> {
  const department = await getDepartment(tx, id);
  return department.archivedAt ? null : department;
}

/** Marks the department archived (its open tickets already moved) and records it. */
export async function markArchived(tx: TenantDb, actor: Actor, department: Department, moved: { count: number; to: string | null }): Promise<void> {
  await tx.update(departments).set({ archivedAt: new Date() }).where(eq(departments.id, department.id));
  await recordEvent(tx, actor, { action: "department.archived", objectType: "department", objectId: department.id, summary: { name: department.name, movedTickets: moved.count, movedTo: moved.to } });
}

export async function restoreDepartment(tx: TenantDb, actor: AuditActor, id: string): Promise<void> {
  const department = await getDepartment(tx, id);
  if (!department.archivedAt) return;
  if (department.parentId) {
    const parent = await getDepartment(tx, department.parentId);
    if (parent.archivedAt) throw new DeskError("CONFLICT", "department.parentArchived");
  }
  await assertNameFree(tx, department.name, department.parentId, id);
  await tx.update(departments).set({ archivedAt: null, position: await nextPosition(tx, department.parentId) }).where(eq(departments.id, id));
  await recordEvent(tx, actor, { action: "department.restored", objectType: "department", objectId: id, summary: { name: department.name } });
}

