import { and, asc, eq, isNull } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import type { PolicyInput } from "./inputs";
import { slaPolicies, type SlaPolicy } from "./schema";
import { recordEvent } from "../kernel/events";
import { priorities } from "../tickets/values";

/** Policies as Settings → SLA shows them: desk-wide first, then by department, by priority. */
export async function listPolicies(tx: TenantDb) {
  const rows = await tx.select().from(slaPolicies).orderBy(asc(slaPolicies.departmentId), asc(slaPolicies.priority));
  return rows
    .map((row) => ({ ...row, priority: priorities[row.priority] ?? "normal" }))
    .sort((a, b) => Number(a.departmentId !== null) - Number(b.departmentId !== null));
}

/**
 * The policy for a ticket in a department at a priority: the department's own, else the nearest
 * parent's, else the desk-wide one. Null when none applies.
 */
export async function choosePolicy(tx: TenantDb, departmentId: string, priority: number): Promise<SlaPolicy | null> {
  const candidates = await tx.select().from(slaPolicies).where(eq(slaPolicies.priority, priority));
  if (candidates.length === 0) return null;
  const byDepartment = new Map(candidates.filter((p) => p.departmentId).map((p) => [p.departmentId!, p]));
  if (byDepartment.size > 0) {
    const tree = new Map((await tx.select({ id: departments.id, parentId: departments.parentId }).from(departments)).map((d) => [d.id, d.parentId]));
    const seen = new Set<string>();
    for (let at: string | null | undefined = departmentId; at && !seen.has(at); at = tree.get(at)) {
      seen.add(at);
      const own = byDepartment.get(at);
      if (own) return own;
    }
  }
  return candidates.find((p) => p.departmentId === null) ?? null;
}

async function checkDepartment(tx: TenantDb, id: string | null, field: string) {
  if (!id) return;
  const [row] = await tx.select({ archivedAt: departments.archivedAt }).from(departments).where(eq(departments.id, id));
  if (!row || row.archivedAt) throw new DeskError("BAD_REQUEST", "department.notFound", { fields: { [field]: "department.notFound" } });
}

async function checkPolicy(tx: TenantDb, input: PolicyInput) {
  if (input.firstResponseMinutes === null && input.nextResponseMinutes === null && input.resolutionMinutes === null) {
    throw new DeskError("BAD_REQUEST", "sla.targetRequired", { fields: { firstResponseMinutes: "sla.targetRequired" } });
  }
  await checkDepartment(tx, input.departmentId, "departmentId");
  await checkDepartment(tx, input.escalateDepartmentId, "escalateDepartmentId");
  if (input.escalateDepartmentId && input.escalateDepartmentId === input.departmentId) {
    throw new DeskError("BAD_REQUEST", "sla.escalateSameDepartment", { fields: { escalateDepartmentId: "sla.escalateSameDepartment" } });
  }
}

const valuesOf = (input: PolicyInput) => ({
  departmentId: input.departmentId,
  priority: priorities.indexOf(input.priority),
  firstResponseMinutes: input.firstResponseMinutes,
  nextResponseMinutes: input.nextResponseMinutes,
  resolutionMinutes: input.resolutionMinutes,
  businessHours: input.businessHours,
  escalatePriority: input.escalatePriority,
  escalateDepartmentId: input.escalateDepartmentId,
});

/** Creates or changes a policy (id given). Tickets keep the deadlines they have; new clocks use it. */
export async function savePolicy(tx: TenantDb, actor: Actor, id: string | null, input: PolicyInput) {
  await checkPolicy(tx, input);
  const values = valuesOf(input);
  const [clash] = await tx
    .select({ id: slaPolicies.id })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.priority, values.priority), input.departmentId ? eq(slaPolicies.departmentId, input.departmentId) : isNull(slaPolicies.departmentId)));
  if (clash && clash.id !== id) throw new DeskError("CONFLICT", "sla.policyExists", { fields: { priority: "sla.policyExists" } });
  let saved: SlaPolicy | undefined;
  if (id) {
    [saved] = await tx.update(slaPolicies).set({ ...values, updatedAt: new Date() }).where(eq(slaPolicies.id, id)).returning();
    if (!saved) throw new DeskError("NOT_FOUND", "sla.policyNotFound");
  } else {
    [saved] = await tx.insert(slaPolicies).values({ tenantId: actor.tenantId, ...values }).returning();
  }
  await recordEvent(tx, actor, { action: id ? "sla.policyUpdated" : "sla.policyCreated", objectType: "slaPolicy", objectId: saved!.id, summary: { ...input } });
  return saved!;
}

/** Deletes a policy; tickets that used it keep its id (for reports) and their current deadlines. */
export async function deletePolicy(tx: TenantDb, actor: Actor, id: string) {
  const [row] = await tx.delete(slaPolicies).where(eq(slaPolicies.id, id)).returning();
  if (!row) throw new DeskError("NOT_FOUND", "sla.policyNotFound");
  await recordEvent(tx, actor, { action: "sla.policyDeleted", objectType: "slaPolicy", objectId: id, summary: { departmentId: row.departmentId, priority: priorities[row.priority] } });
}
