import { and, asc, eq, gt, inArray, isNull, lt, type SQL } from "drizzle-orm";
import type { Database, TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { recordEvent } from "../kernel/events";
import { announce } from "../kernel/live";
import { firstTicketId, idBefore, rescore, selectWithFacts, type TicketWithFacts } from "../priority/evaluate";
import { scoringSetup, type ScoringSetup } from "../priority/rules";
import { priorityRules } from "../priority/schema";
import type { PriorityReason } from "../priority/score";
import { forEachDesk } from "../tenancy/platform";
import { ticketFor } from "./access";
import { setTicketPriority, type PriorityScoring } from "./priority";
import { activeStatuses, tickets } from "./schema";
import { addTimeline } from "./timeline";
import { priorities, type Priority } from "./values";

// Automatic priority applied to tickets: the desk's rules (src/server/priority) decide a score;
// here it lands on the ticket, through setTicketPriority, with its reasons on the timeline.

const sameReasons = (a: PriorityReason[] | null, b: PriorityReason[]) =>
  (a ?? []).length === b.length && b.every((r, i) => a?.[i]?.ruleId === r.ruleId && a[i]?.weight === r.weight && a[i]?.name === r.name);

/**
 * Applies a fresh score to an automatic ticket. The priority changes only through
 * setTicketPriority (timeline entry with the reasons); an unchanged score writes nothing.
 */
async function applyScore(tx: TenantDb, row: TicketWithFacts, setup: ScoringSetup): Promise<boolean> {
  const result = rescore(row, setup);
  const { ticket } = row;
  if (priorities[ticket.priority] === result.priority && ticket.priorityScore === result.score && sameReasons(ticket.priorityReasons, result.reasons)) return false;
  const changed = await setTicketPriority(tx, ticket, result.priority, "auto", null, { score: result.score, reasons: result.reasons });
  if (changed) await announce(tx, { tenantId: ticket.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "updated" });
  return changed;
}

export const rescoreBatchSize = 200;

/**
 * One bounded batch of the desk's automatic, active tickets after `after`, by id. Only tickets
 * older than the shortest waiting rule can have a waiting score, so younger ones are never read.
 * Rows are claimed with SKIP LOCKED, so two runs at once split the work instead of doubling it.
 */
export async function rescoreBatch(tx: TenantDb, after: string, now: Date): Promise<{ last: string | null; seen: number; changed: number }> {
  const setup = await scoringSetup(tx);
  const waitingHours = setup?.rules.flatMap((r) => (r.condition.kind === "waiting" ? [r.condition.hours] : [])) ?? [];
  if (!setup || waitingHours.length === 0) return { last: null, seen: 0, changed: 0 };
  const before = idBefore(new Date(now.getTime() - Math.min(...waitingHours) * 3600_000));
  const automatic: SQL[] = [
    eq(tickets.priorityManual, false),
    isNull(tickets.deletedAt),
    isNull(tickets.heldReason),
    isNull(tickets.archivedAt),
    inArray(tickets.status, activeStatuses),
    gt(tickets.id, after),
    lt(tickets.id, before),
  ];
  const rows = await selectWithFacts(tx, setup, now)
    .where(and(...automatic))
    .orderBy(asc(tickets.id))
    .limit(rescoreBatchSize)
    .for("update", { of: tickets, skipLocked: true });
  let changed = 0;
  for (const row of rows) if (await applyScore(tx, row, setup)) changed += 1;
  return { last: rows.length === rescoreBatchSize ? rows.at(-1)!.ticket.id : null, seen: rows.length, changed };
}

/**
 * "Return to automatic": the agent's priority stops winning and the rules score the ticket at
 * once. The change lands on the timeline (with the reasons) and in the event log.
 */
export async function returnToAutomatic(tx: TenantDb, actor: Actor, ticketId: string, now: Date = new Date()) {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.reply");
  if (ticket.deletedAt) throw new DeskError("CONFLICT", "ticket.inTrash");
  if (!ticket.priorityManual) return { priority: priorities[ticket.priority] ?? "normal", changed: false };
  const setup = await scoringSetup(tx);
  let result: { priority: Priority } & PriorityScoring = { priority: "normal", score: null, reasons: null };
  if (setup) {
    const [row] = await selectWithFacts(tx, setup, now).where(eq(tickets.id, ticket.id));
    result = rescore(row!, setup);
  }
  await setTicketPriority(tx, ticket, result.priority, "auto", actor.membershipId, { score: result.score, reasons: result.reasons });
  await addTimeline(tx, ticket, actor.membershipId, "priority_automatic", { from: priorities[ticket.priority], to: result.priority, score: result.score, reasons: result.reasons });
  await recordEvent(tx, actor, {
    action: "ticket.priorityAutomatic",
    objectType: "ticket",
    objectId: ticket.id,
    summary: { number: ticket.number, from: priorities[ticket.priority], to: result.priority, score: result.score },
  });
  await announce(tx, { tenantId: actor.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "updated" });
  return { priority: result.priority, changed: true };
}

/** Desks with an enabled waiting-time rule: the job's one cross-desk read, ids only. */
function unsafeDesksWithWaitingRules(db: Database) {
  return db
    .selectDistinct({ tenantId: priorityRules.tenantId })
    .from(priorityRules)
    .where(and(eq(priorityRules.kind, "waiting"), eq(priorityRules.enabled, true)));
}

/**
 * The priority job (every 5 minutes): re-scores the automatic, active tickets of the desks whose
 * rules can change a score as time passes, i.e. that have an enabled waiting-time rule; other
 * scores only change when the ticket does. Finding those desks is the one cross-desk read
 * (platform work, rule kinds only); each batch then runs in its desk's own scope and
 * transaction. Idempotent: a second run finds nothing to change.
 */
export async function runPriorityJob(db: Database, now: Date = new Date()) {
  const desks = await unsafeDesksWithWaitingRules(db);
  let seen = 0;
  let changed = 0;
  await forEachDesk(db, "re-scoring waiting tickets by the desk's own rules", desks.map((d) => d.tenantId), async (desk) => {
    let after: string | null = firstTicketId;
    while (after) {
      const from: string = after;
      const batch = await desk.run((tx) => rescoreBatch(tx, from, now));
      seen += batch.seen;
      changed += batch.changed;
      after = batch.last;
    }
  });
  return { desks: desks.length, seen, changed };
}
