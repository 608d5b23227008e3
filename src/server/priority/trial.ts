import { desc, isNull } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import type { Actor } from "../kernel/actor";
import { tickets } from "../tickets/schema";
import { rescore, selectWithFacts } from "./evaluate";
import type { RuleForm } from "./inputs";
import { assertSettings, scoringSetup } from "./rules";
import type { ScoringRule } from "./score";
import { type Priority } from "../tickets/values";

export const trialTickets = 200;
const samples = 8;

/**
 * "Try on recent tickets" before saving a rule: how the desk's latest tickets would score with
 * this rule (replacing the one being edited) against the enabled rules as they are. Reads only.
 */
export async function tryPriorityRule(tx: TenantDb, actor: Actor, input: { rule: RuleForm; replacing: string | null }, now: Date = new Date()) {
  assertSettings(actor);
  const setup = (await scoringSetup(tx, { evenWithoutRules: true, departments: input.rule.condition.kind === "department" }))!;
  const candidate: ScoringRule = { id: "candidate", name: input.rule.name, weight: input.rule.weight, enabled: true, condition: input.rule.condition };
  const before: ScoringRule[] = setup.rules;
  const after: ScoringRule[] = [...before.filter((r) => r.id !== input.replacing), candidate];
  const rows = await selectWithFacts(tx, { ...setup, needsBody: true }, now)
    .where(isNull(tickets.deletedAt))
    .orderBy(desc(tickets.id))
    .limit(trialTickets);
  let fired = 0;
  let changed = 0;
  const examples: { id: string; number: number; subject: string; manual: boolean; from: Priority; to: Priority; score: number }[] = [];
  for (const row of rows) {
    const next = rescore(row, { ...setup, rules: after });
    if (!next.reasons.some((r) => r.ruleId === candidate.id)) continue;
    fired += 1;
    const current = rescore(row, { ...setup, rules: before });
    if (current.priority !== next.priority) changed += 1;
    if (examples.length < samples) {
      examples.push({ id: row.ticket.id, number: row.ticket.number, subject: row.ticket.subject, manual: row.ticket.priorityManual, from: current.priority, to: next.priority, score: next.score });
    }
  }
  return { checked: rows.length, fired, changed, examples };
}
