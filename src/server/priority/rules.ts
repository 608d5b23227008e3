import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { maxRules, type RuleForm, type ThresholdsForm } from "./inputs";
import { priorityRules, priorityThresholds, type PriorityRuleRow } from "./schema";
import { defaultThresholds, type RuleCondition, type ScoringRule, type Thresholds } from "./score";
import { recordEvent } from "../kernel/events";
import { type Channel } from "../tickets/values";

export function assertSettings(actor: Actor) {
  if (!can(actor.access, "desk.settings")) throw new DeskError("FORBIDDEN", "permission.denied");
}

/** The stored row's columns as one condition. */
export function conditionOf(row: PriorityRuleRow): RuleCondition {
  switch (row.kind) {
    case "vip":
      return { kind: "vip" };
    case "domain":
      return { kind: "domain", domains: row.terms };
    case "department":
      return { kind: "department", departmentId: row.departmentId ?? "" };
    case "words":
      return { kind: "words", words: row.terms };
    case "channel":
      return { kind: "channel", channels: row.terms as Channel[] };
    case "waiting":
      return { kind: "waiting", hours: row.hours ?? 0 };
  }
}

function columnsOf(condition: RuleCondition): Pick<PriorityRuleRow, "kind" | "terms" | "departmentId" | "hours"> {
  const none = { terms: [], departmentId: null, hours: null };
  switch (condition.kind) {
    case "domain":
      return { ...none, kind: "domain", terms: condition.domains };
    case "words":
      return { ...none, kind: "words", terms: condition.words };
    case "channel":
      return { ...none, kind: "channel", terms: condition.channels };
    case "department":
      return { ...none, kind: "department", departmentId: condition.departmentId };
    case "waiting":
      return { ...none, kind: "waiting", hours: condition.hours };
    case "vip":
      return { ...none, kind: "vip" };
  }
}

const toRule = (row: PriorityRuleRow): ScoringRule & { createdAt: Date } => ({
  id: row.id,
  name: row.name,
  weight: row.weight,
  enabled: row.enabled,
  condition: conditionOf(row),
  createdAt: row.createdAt,
});

export async function thresholdsOf(tx: TenantDb): Promise<Thresholds> {
  const [row] = await tx.select().from(priorityThresholds);
  return row ? { lowAtMost: row.lowAtMost, highAtLeast: row.highAtLeast, urgentAtLeast: row.urgentAtLeast } : defaultThresholds;
}

/** Settings → Priority: the rules, oldest first, and the thresholds. */
export async function listPriorityRules(tx: TenantDb, actor: Actor) {
  assertSettings(actor);
  const rows = await tx.select().from(priorityRules).orderBy(asc(priorityRules.id));
  return { rules: rows.map(toRule), thresholds: await thresholdsOf(tx) };
}

async function checkDepartment(tx: TenantDb, condition: RuleCondition) {
  if (condition.kind !== "department") return;
  const [found] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, condition.departmentId), isNull(departments.archivedAt)));
  if (!found) throw new DeskError("BAD_REQUEST", "department.notFound", { fields: { condition: "department.notFound" } });
}

export async function createPriorityRule(tx: TenantDb, actor: Actor, input: RuleForm) {
  assertSettings(actor);
  await checkDepartment(tx, input.condition);
  const [existing] = await tx.select({ n: count() }).from(priorityRules);
  if ((existing?.n ?? 0) >= maxRules) throw new DeskError("CONFLICT", "priorityRule.tooMany", { params: { max: maxRules } });
  const [row] = await tx
    .insert(priorityRules)
    .values({ tenantId: actor.tenantId, name: input.name, weight: input.weight, enabled: input.enabled, ...columnsOf(input.condition) })
    .returning();
  await recordEvent(tx, actor, { action: "priorityRule.created", objectType: "priorityRule", objectId: row!.id, summary: { name: row!.name, kind: row!.kind, weight: row!.weight } });
  return toRule(row!);
}

export async function updatePriorityRule(tx: TenantDb, actor: Actor, id: string, input: RuleForm) {
  assertSettings(actor);
  const [before] = await tx.select().from(priorityRules).where(eq(priorityRules.id, id));
  if (!before) throw new DeskError("NOT_FOUND", "priorityRule.notFound");
  await checkDepartment(tx, input.condition);
  const [row] = await tx
    .update(priorityRules)
    .set({ name: input.name, weight: input.weight, enabled: input.enabled, ...columnsOf(input.condition) })
    .where(eq(priorityRules.id, id))
    .returning();
  await recordEvent(tx, actor, {
    action: "priorityRule.updated",
    objectType: "priorityRule",
    objectId: id,
    summary: { before: { name: before.name, kind: before.kind, weight: before.weight, enabled: before.enabled }, after: { name: row!.name, kind: row!.kind, weight: row!.weight, enabled: row!.enabled } },
  });
  return toRule(row!);
}

export async function removePriorityRule(tx: TenantDb, actor: Actor, id: string) {
  assertSettings(actor);
  const [row] = await tx.delete(priorityRules).where(eq(priorityRules.id, id)).returning();
  if (!row) throw new DeskError("NOT_FOUND", "priorityRule.notFound");
  await recordEvent(tx, actor, { action: "priorityRule.removed", objectType: "priorityRule", objectId: id, summary: { name: row.name, kind: row.kind, weight: row.weight } });
}

export async function savePriorityThresholds(tx: TenantDb, actor: Actor, input: ThresholdsForm) {
  assertSettings(actor);
  const before = await thresholdsOf(tx);
  await tx
    .insert(priorityThresholds)
    .values({ tenantId: actor.tenantId, ...input })
    .onConflictDoUpdate({ target: priorityThresholds.tenantId, set: { ...input, updatedAt: new Date() } });
  await recordEvent(tx, actor, { action: "priorityThresholds.updated", objectType: "desk", objectId: actor.tenantId, summary: { before, after: input } });
  return input;
}

/** What scoring needs from the desk: its enabled rules and thresholds, and the department tree when a rule asks. */
export async function scoringSetup(tx: TenantDb, options: { evenWithoutRules?: boolean; departments?: boolean } = {}) {
  const rows = await tx.select().from(priorityRules).where(eq(priorityRules.enabled, true)).orderBy(asc(priorityRules.id));
  if (rows.length === 0 && !options.evenWithoutRules) return null;
  const rules = rows.map(toRule);
  const parentOf = new Map<string, string | null>();
  if (options.departments || rules.some((r) => r.condition.kind === "department")) {
    for (const d of await tx.select({ id: departments.id, parentId: departments.parentId }).from(departments)) parentOf.set(d.id, d.parentId);
  }
  return { rules, thresholds: await thresholdsOf(tx), parentOf, needsBody: rules.some((r) => r.condition.kind === "words") };
}
export type ScoringSetup = NonNullable<Awaited<ReturnType<typeof scoringSetup>>>;
