import { and, asc, eq, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { recordEvent } from "../audit/service";
import type { Customer } from "../customers/schema";
import { customers } from "../customers/schema";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { announce } from "../realtime/bus";
import type { Actor } from "../staff/actor";
import { ticketFor } from "../tickets/access";
import { setTicketPriority, type PriorityScoring } from "../tickets/priority";
import { activeStatuses, priorities, tickets, type Channel, type Priority, type Ticket } from "../tickets/schema";
import { addTimeline } from "../tickets/timeline";
import { scoringSetup, type ScoringSetup } from "./rules";
import { departmentLine, scoreTicket, type PriorityReason, type ScoringRule, type Thresholds } from "./score";

/**
 * A new ticket's priority from the desk's rules, decided before the ticket is stored (so whatever
 * runs after the insert sees the final priority). A desk without rules files it as normal.
 */
export async function scoreNewTicket(
  tx: TenantDb,
  ticket: { customer: Customer; departmentId: string; subject: string; body: string; channel: Channel },
): Promise<{ priority: Priority } & PriorityScoring> {
  const setup = await scoringSetup(tx);
  if (!setup) return { priority: "normal", score: null, reasons: null };
  const facts = {
    customerVip: ticket.customer.vip,
    customerEmail: ticket.customer.email,
    departmentIds: departmentLine(ticket.departmentId, setup.parentOf),
    subject: ticket.subject,
    body: ticket.body,
    channel: ticket.channel,
    waitingHours: 0,
  };
  return scoreTicket(facts, setup.rules, setup.thresholds);
}

/** Below every ticket id: where a pass over a desk starts. */
export const firstTicketId = "00000000-0000-0000-0000-000000000000";

/** Tickets with what the rules look at: the customer, the request's text, and how long the customer has waited. */
export function selectWithFacts(tx: TenantDb, setup: ScoringSetup, now: Date) {
  // The first customer message no public reply has answered yet (ids are time-ordered).
  const waitingHours = sql<number | null>`(
    select extract(epoch from (${now.toISOString()}::timestamptz - min(m.created_at))) / 3600
    from ticket_messages m
    where m.tenant_id = ${tickets.tenantId} and m.ticket_id = ${tickets.id} and m.kind = 'customer'
      and m.id > coalesce(
        (select r.id from ticket_messages r where r.tenant_id = ${tickets.tenantId} and r.ticket_id = ${tickets.id} and r.kind = 'reply' order by r.id desc limit 1),
        ${firstTicketId}::uuid))`.mapWith((v: unknown) => (v === null ? null : Number(v)));
  const body = setup.needsBody
    ? sql<string>`coalesce((
        select m.body from ticket_messages m
        where m.tenant_id = ${tickets.tenantId} and m.ticket_id = ${tickets.id} and m.kind = 'customer'
        order by m.id limit 1), '')`
    : sql<string>`''`;
  return tx
    .select({ ticket: tickets, vip: customers.vip, email: customers.email, body, waitingHours })
    .from(tickets)
    .innerJoin(customers, and(eq(customers.tenantId, tickets.tenantId), eq(customers.id, tickets.customerId)));
}

export type TicketWithFacts = { ticket: Ticket; vip: boolean; email: string; body: string; waitingHours: number | null };

export function rescore(row: TicketWithFacts, setup: { rules: readonly ScoringRule[]; thresholds: Thresholds; parentOf: ReadonlyMap<string, string | null> }) {
  return scoreTicket(
    {
      customerVip: row.vip,
      customerEmail: row.email,
      departmentIds: departmentLine(row.ticket.departmentId, setup.parentOf),
      subject: row.ticket.subject,
      body: row.body,
      channel: row.ticket.channel,
      waitingHours: row.waitingHours,
    },
    setup.rules,
    setup.thresholds,
  );
}

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

/** The smallest UUID v7 made at `at`: every id below it was made earlier. */
export function idBefore(at: Date): string {
  const hex = Math.max(0, Math.floor(at.getTime())).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
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
