import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Database, TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { announce } from "../kernel/live";
import { setTicketPriority } from "./priority";
import { activeStatuses, tickets, type Ticket } from "./schema";
import { addTimeline } from "./timeline";
import { derivedColumns, slaPolicyMayChange } from "./sla-clocks";
import { mailBreach } from "../sla/notify";
import { slaPolicies, type SlaPolicy } from "../sla/schema";
import { recordEvent } from "../kernel/events";
import { forEachDesk, type DeskScope } from "../tenancy/platform";
import { dueColumnOf } from "../sla/view";
import { priorities } from "./values";
import { slaKinds, type SlaKind } from "../sla/values";

const dueColumn = { first_response: tickets.slaFirstResponseDueAt, next_response: tickets.slaNextResponseDueAt, resolution: tickets.slaResolutionDueAt } as const;

/**
 * How many breaches the job claims and handles in one transaction. Each costs about fifteen
 * queries and a few mails; on the embedded database (one connection) a transaction holds every
 * other request, so a backlog is worked off in short transactions rather than one long one.
 */
export const BREACH_BATCH = 100;

/** Overdue for this kind, not yet breached for it, and on a ticket whose clocks run. */
const overdue = (kind: SlaKind, now: Date) =>
  and(
    lte(tickets.slaNextBreachAt, now),
    lte(dueColumn[kind], now),
    sql`not (${kind}::text = any(${tickets.slaBreaches}))`,
    sql`${tickets.slaPausedAt} is null and ${tickets.deletedAt} is null and ${tickets.heldReason} is null`,
    sql`${tickets.status} in (${sql.join(activeStatuses.map((s) => sql`${s}`), sql`, `)})`,
  );

/**
 * Marks one kind of breach on up to `limit` of the desk's overdue tickets (longest overdue first)
 * and returns them. The rows are locked with SKIP LOCKED, so a run on another instance takes other
 * tickets instead of waiting; the condition is part of the UPDATE too, so a ticket whose breach
 * another run already recorded is claimed by nobody else: each breach is claimed exactly once.
 */
async function claimBreaches(tx: TenantDb, kind: SlaKind, now: Date, limit: number): Promise<Ticket[]> {
  const batch = tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(overdue(kind, now))
    .orderBy(asc(dueColumn[kind]), asc(tickets.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return tx
    .update(tickets)
    .set({ slaBreaches: sql`array_append(${tickets.slaBreaches}, ${kind}::text)` })
    .where(and(inArray(tickets.id, batch), overdue(kind, now)))
    .returning();
}

/** The priority a breach escalates to, or null when it stays. */
export function escalatedPriority(policy: Pick<SlaPolicy, "escalatePriority">, current: number): number | null {
  if (!policy.escalatePriority) return null;
  const to = policy.escalatePriority === "raise" ? Math.min(current + 1, priorities.length - 1) : priorities.indexOf(policy.escalatePriority);
  return to > current ? to : null;
}

async function reload(tx: TenantDb, id: string) {
  const [row] = await tx.select().from(tickets).where(eq(tickets.id, id));
  return row!;
}

/** The SLA moves a ticket to its second-line department: it arrives there unassigned. */
async function escalateToDepartment(tx: TenantDb, ticket: Ticket, departmentId: string) {
  const [target] = await tx.select({ name: departments.name, archivedAt: departments.archivedAt }).from(departments).where(eq(departments.id, departmentId));
  if (!target || target.archivedAt || ticket.departmentId === departmentId) return null;
  await tx
    .update(tickets)
    .set({ departmentId, assigneeMembershipId: null, lastActivityAt: new Date(), version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, ticket.id));
  await addTimeline(tx, ticket, null, "department", { from: ticket.departmentId, to: departmentId, toName: target.name, note: null, by: "sla" });
  await slaPolicyMayChange(tx, ticket.id);
  return { from: ticket.departmentId, to: departmentId };
}

/** Everything a breach sets off: timeline, escalation, event log, mail, the live inbox. */
async function handleBreach(tx: TenantDb, claimed: Ticket, kind: SlaKind) {
  await tx.update(tickets).set(derivedColumns(claimed)).where(eq(tickets.id, claimed.id));
  const [policy] = claimed.slaPolicyId ? await tx.select().from(slaPolicies).where(eq(slaPolicies.id, claimed.slaPolicyId)) : [];
  const dueAt = claimed[dueColumnOf[kind]];
  await addTimeline(tx, claimed, null, "sla_breach", { kind, dueAt: dueAt?.toISOString() ?? null });
  const summary: Record<string, unknown> = { number: claimed.number, kind, dueAt: dueAt?.toISOString() ?? null };
  const priority = policy ? escalatedPriority(policy, claimed.priority) : null;
  if (priority !== null && (await setTicketPriority(tx, await reload(tx, claimed.id), priorities[priority]!, "escalation", null))) {
    summary.priority = { from: priorities[claimed.priority], to: priorities[priority] };
  }
  const moved = policy?.escalateDepartmentId ? await escalateToDepartment(tx, await reload(tx, claimed.id), policy.escalateDepartmentId) : null;
  if (moved) summary.department = moved;
  await recordEvent(tx, { tenantId: claimed.tenantId, userId: null, ip: null }, { action: "sla.breached", objectType: "ticket", objectId: claimed.id, summary });
  await mailBreach(tx, claimed, kind, [claimed.departmentId, ...(moved ? [moved.to] : [])]);
  const now = await reload(tx, claimed.id);
  await announce(tx, { tenantId: claimed.tenantId, ticketId: claimed.id, departmentId: now.departmentId, kind: "updated" });
}

/**
 * One batch of a desk's breaches of one kind, each handled once; returns how many. The caller
 * runs it in a transaction of its own until a batch comes back short.
 */
async function breachBatch(tx: TenantDb, kind: SlaKind, now = new Date(), limit = BREACH_BATCH) {
  const claimed = await claimBreaches(tx, kind, now, limit);
  for (const ticket of claimed) await handleBreach(tx, ticket, kind);
  return claimed.length;
}

/** One desk's breaches now, batch by batch, each batch in its own tenant scope and transaction. */
export async function breachDesk(desk: DeskScope, now = new Date(), limit = BREACH_BATCH) {
  let breaches = 0;
  for (const kind of slaKinds) {
    for (;;) {
      const handled = await desk.run((tx) => breachBatch(tx, kind, now, limit));
      breaches += handled;
      if (handled < limit) break;
    }
  }
  return breaches;
}

/** Desks with an SLA deadline passed: the job's one cross-desk read, ids only. */
function unsafeDesksWithBreachesDue(db: Database, now: Date) {
  return db
    .selectDistinct({ tenantId: tickets.tenantId })
    .from(tickets)
    .where(and(isNotNull(tickets.slaNextBreachAt), lte(tickets.slaNextBreachAt, now)));
}

/**
 * The `sla` job: every desk with a deadline passed, batch by batch in its own tenant scope. The
 * list of desk ids is its one cross-desk read (platform work, ids only), a range scan of
 * `tickets_sla_breach_idx`, which leads with the deadline.
 */
export async function runSla(db: Database, now = new Date(), limit = BREACH_BATCH) {
  const desks = await unsafeDesksWithBreachesDue(db, now);
  let breaches = 0;
  await forEachDesk(db, "marking and escalating SLA breaches that are due", desks.map((d) => d.tenantId), async (desk) => {
    breaches += await breachDesk(desk, now, limit);
  });
  return { desks: desks.length, breaches };
}
