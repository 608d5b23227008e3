import { and, asc, eq, isNull } from "drizzle-orm";
import { recordEvent } from "../audit/service";
import type { TenantDb } from "../db/types";
import type { Actor } from "../staff/actor";
import { departments, type Department } from "./schema";

export async function listDepartments(tx: TenantDb, options: { includeArchived?: boolean } = {}): Promise<Department[]> {
  return tx
    .select()
    .from(departments)
    .where(options.includeArchived ? undefined : isNull(departments.archivedAt))
    .orderBy(asc(departments.position), asc(departments.name));
}

/** Adds top-level departments after the existing ones, in the given order. */
export async function createDepartments(tx: TenantDb, actor: Pick<Actor, "tenantId" | "userId" | "ip">, names: string[]): Promise<Department[]> {
  if (names.length === 0) return [];
  const existing = await tx.select({ position: departments.position }).from(departments).where(and(isNull(departments.parentId)));
  const start = existing.reduce((max, d) => Math.max(max, d.position), -1) + 1;
  const created = await tx
    .insert(departments)
    .values(names.map((name, i) => ({ tenantId: actor.tenantId, name, position: start + i })))
    .returning();
  for (const department of created) {
    await recordEvent(tx, actor, {
      action: "department.created",
      objectType: "department",
      objectId: department.id,
      summary: { name: department.name },
    });
  }
  return created;
}

export async function getDepartment(tx: TenantDb, id: string): Promise<Department | null> {
  const [row] = await tx.select().from(departments).where(eq(departments.id, id));
  return row ?? null;
}
