import { dueColumnOf } from "../sla/view";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { ticketMessages, tickets, type Ticket } from "./schema";
import { addBusinessTime, businessMinutesBetween, resumedDue, type ClockHours } from "../sla/clock";
import { clockHoursOf } from "../sla/hours";
import { choosePolicy } from "../sla/policies";
import { slaPolicies, type SlaPolicy } from "../sla/schema";
import { type TicketStatus } from "./values";
import { type SlaKind } from "../sla/values";

/**
 * The SLA clocks of a ticket. Each deadline column holds the deadline while that clock runs and
 * is null once it stopped (met) or never started; `sla_breaches` keeps what was missed. Every
 * change writes the derived columns too: `sla_due_at` (nearest running deadline, for "due
 * soonest") and `sla_next_breach_at` (nearest deadline not yet breached, for the SLA job).
 */

type Clocks = Pick<Ticket, "slaFirstResponseDueAt" | "slaNextResponseDueAt" | "slaResolutionDueAt" | "slaPausedAt" | "slaBreaches">;
type ClockPatch = Partial<Pick<Ticket, "slaPolicyId" | "slaStartedAt" | "slaPausedMinutes" | keyof Clocks>>;

const finished: TicketStatus[] = ["solved", "closed"];

const earliest = (dates: (Date | null)[]) => dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

/** The derived columns of a clock state. */
export function derivedColumns(c: Clocks) {
  if (c.slaPausedAt) return { slaDueAt: null, slaNextBreachAt: null };
  const kinds = Object.keys(dueColumnOf) as SlaKind[];
  return {
    slaDueAt: earliest(kinds.map((k) => c[dueColumnOf[k]])),
    slaNextBreachAt: earliest(kinds.filter((k) => !c.slaBreaches.includes(k)).map((k) => c[dueColumnOf[k]])),
  };
}

async function load(tx: TenantDb, ticketId: string): Promise<Ticket> {
  const [row] = await tx.select().from(tickets).where(eq(tickets.id, ticketId));
  return row!;
}

async function write(tx: TenantDb, ticket: Ticket, patch: ClockPatch) {
  const next = { ...ticket, ...patch };
  await tx.update(tickets).set({ ...patch, ...derivedColumns(next) }).where(eq(tickets.id, ticket.id));
}

async function policyOf(tx: TenantDb, ticket: Ticket): Promise<{ policy: SlaPolicy; hours: ClockHours } | null> {
  if (!ticket.slaPolicyId) return null;
  const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, ticket.slaPolicyId));
  return policy ? { policy, hours: await clockHoursOf(tx, policy) } : null;
}

const deadline = (from: Date, minutes: number | null, hours: ClockHours) => (minutes === null ? null : addBusinessTime(from, minutes, hours));

/** Whether the desk has answered publicly yet (the first response). */
async function hasPublicReply(tx: TenantDb, ticketId: string) {
  const [row] = await tx.select({ id: ticketMessages.id }).from(ticketMessages).where(and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.kind, "reply"))).limit(1);
  return Boolean(row);
}

/** The customer's first message after the last public reply: when the next-response clock started. */
async function waitingSince(tx: TenantDb, ticketId: string): Promise<Date | null> {
  const [lastReply] = await tx.select({ id: ticketMessages.id }).from(ticketMessages).where(and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.kind, "reply"))).orderBy(desc(ticketMessages.id)).limit(1);
  if (!lastReply) return null;
  const [first] = await tx
    .select({ at: ticketMessages.createdAt })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.kind, "customer"), gt(ticketMessages.id, lastReply.id)))
    .orderBy(asc(ticketMessages.id))
    .limit(1);
  return first?.at ?? null;
}

/** The clocks stand still while the desk waits on the customer (pending) or the ticket lies in the trash. */
const pausedWhile = (status: TicketStatus, trashed: boolean) => status === "pending" || trashed;

/**
 * Pausing remembers when; resuming pushes each running deadline by the clock time that passed
 * since then and adds it to the paused minutes. Pending and the trash share this one pause.
 */
function pausePatch(ticket: Ticket, wasPaused: boolean, paused: boolean, hours: ClockHours, now: Date): ClockPatch {
  if (paused && !ticket.slaPausedAt) return { slaPausedAt: now };
  if (wasPaused && !paused && ticket.slaPausedAt) {
    const pausedAt = ticket.slaPausedAt;
    const push = (due: Date | null) => (due ? resumedDue(due, pausedAt, now, hours) : null);
    return {
      slaFirstResponseDueAt: push(ticket.slaFirstResponseDueAt),
      slaNextResponseDueAt: push(ticket.slaNextResponseDueAt),
      slaResolutionDueAt: push(ticket.slaResolutionDueAt),
      slaPausedAt: null,
      slaPausedMinutes: ticket.slaPausedMinutes + Math.round(businessMinutesBetween(pausedAt, now, hours)),
    };
  }
  return {};
}

/** How a status change moves the clocks: pending pauses, leaving it resumes (unless trashed), solved/closed stops. */
function statusPatch(ticket: Ticket, from: TicketStatus, to: TicketStatus, hours: ClockHours, now: Date): ClockPatch {
  if (finished.includes(to)) return { slaFirstResponseDueAt: null, slaNextResponseDueAt: null, slaResolutionDueAt: null, slaPausedAt: null };
  const trashed = Boolean(ticket.deletedAt);
  return pausePatch(ticket, pausedWhile(from, trashed), pausedWhile(to, trashed), hours, now);
}

/** A ticket starts counting: created (not held), released from hold, or split off another. */
export async function startSlaClocks(tx: TenantDb, ticketId: string, now = new Date()): Promise<void> {
  const ticket = await load(tx, ticketId);
  if (ticket.heldReason || finished.includes(ticket.status)) return;
  const policy = await choosePolicy(tx, ticket.departmentId, ticket.priority);
  if (!policy) return;
  const hours = await clockHoursOf(tx, policy);
  await write(tx, ticket, {
    slaPolicyId: policy.id,
    slaStartedAt: now,
    slaPausedMinutes: 0,
    slaPausedAt: pausedWhile(ticket.status, Boolean(ticket.deletedAt)) ? now : null,
    slaFirstResponseDueAt: deadline(now, policy.firstResponseMinutes, hours),
    slaNextResponseDueAt: null,
    slaResolutionDueAt: deadline(now, policy.resolutionMinutes, hours),
  });
}

/** A staff message: a public reply meets the first and next response; then the status moves. */
export async function slaAfterReply(tx: TenantDb, ticketId: string, kind: "reply" | "note", from: TicketStatus, to: TicketStatus, now = new Date()) {
  const ticket = await load(tx, ticketId);
  const context = await policyOf(tx, ticket);
  if (!context) return;
  const met: ClockPatch = kind === "reply" ? { slaFirstResponseDueAt: null, slaNextResponseDueAt: null } : {};
  await write(tx, ticket, { ...met, ...statusPatch({ ...ticket, ...met }, from, to, context.hours, now) });
}

/** The customer wrote again: the clocks resume if they were paused, and the desk owes a next response. */
export async function slaAfterCustomerMessage(tx: TenantDb, ticketId: string, from: TicketStatus, now = new Date()) {
  const ticket = await load(tx, ticketId);
  const context = await policyOf(tx, ticket);
  if (!context) return;
  const patch = statusPatch(ticket, from, ticket.status, context.hours, now);
  const minutes = context.policy.nextResponseMinutes;
  if (minutes !== null && !ticket.slaNextResponseDueAt && !ticket.heldReason && (await hasPublicReply(tx, ticket.id))) {
    patch.slaNextResponseDueAt = deadline(now, minutes, context.hours);
  }
  await write(tx, ticket, patch);
}

/** Any other status change (agent, bulk, the customer closing or reopening, a merge). */
export async function slaStatusChanged(tx: TenantDb, ticketId: string, from: TicketStatus, to: TicketStatus, now = new Date()) {
  if (from === to) return;
  const ticket = await load(tx, ticketId);
  const context = await policyOf(tx, ticket);
  if (!context) return;
  await write(tx, ticket, statusPatch(ticket, from, to, context.hours, now));
}

/**
 * The ticket went to the trash or came back from it (call after `deleted_at` changed): the trash
 * pauses the clocks like pending, so the SLA job no longer sees it, and a restore resumes them
 * with the deadlines pushed by the time spent there. A pending ticket stays paused either way.
 */
export async function slaTrashChanged(tx: TenantDb, ticketId: string, now = new Date()): Promise<void> {
  const ticket = await load(tx, ticketId);
  if (!ticket.slaPolicyId || finished.includes(ticket.status)) return;
  const trashed = Boolean(ticket.deletedAt);
  // A deleted policy leaves its deadlines running (see deletePolicy): they still pause, and resume
  // pushed by calendar time, as the policy's hours are no longer known.
  const hours = (await policyOf(tx, ticket))?.hours ?? null;
  await write(tx, ticket, pausePatch(ticket, pausedWhile(ticket.status, !trashed), pausedWhile(ticket.status, trashed), hours, now));
}

/**
 * The priority or the department changed: the policy is chosen again. If it is another one, the
 * running clocks are counted again from their starts with its targets (plus the time already
 * spent paused); breaches already recorded stay.
 */
export async function slaPolicyMayChange(tx: TenantDb, ticketId: string): Promise<void> {
  const ticket = await load(tx, ticketId);
  if (ticket.heldReason) return;
  const policy = await choosePolicy(tx, ticket.departmentId, ticket.priority);
  if ((policy?.id ?? null) === ticket.slaPolicyId) return;
  const stopped: ClockPatch = { slaFirstResponseDueAt: null, slaNextResponseDueAt: null, slaResolutionDueAt: null };
  if (!policy || finished.includes(ticket.status)) {
    await write(tx, ticket, { slaPolicyId: policy?.id ?? null, ...stopped });
    return;
  }
  const hours = await clockHoursOf(tx, policy);
  const started = ticket.slaStartedAt ?? ticket.createdAt;
  const plus = (minutes: number | null) => (minutes === null ? null : minutes + ticket.slaPausedMinutes);
  const replied = await hasPublicReply(tx, ticket.id);
  const waiting = replied && policy.nextResponseMinutes !== null ? await waitingSince(tx, ticket.id) : null;
  await write(tx, ticket, {
    slaPolicyId: policy.id,
    slaStartedAt: started,
    slaPausedAt: pausedWhile(ticket.status, Boolean(ticket.deletedAt)) ? (ticket.slaPausedAt ?? new Date()) : null,
    slaFirstResponseDueAt: replied ? null : deadline(started, plus(policy.firstResponseMinutes), hours),
    slaNextResponseDueAt: waiting ? deadline(waiting, policy.nextResponseMinutes, hours) : null,
    slaResolutionDueAt: deadline(started, plus(policy.resolutionMinutes), hours),
  });
}
