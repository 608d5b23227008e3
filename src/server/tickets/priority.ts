import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import type { PriorityReason } from "../priority/score";
import { tickets, type Ticket } from "./schema";
import { addTimeline } from "./timeline";
import { slaPolicyMayChange } from "./sla-clocks";
import { priorities, type Priority } from "./values";

/** Who changed a ticket's priority: an agent by hand, the automatic rules, or an SLA escalation. */
export type PrioritySource = "manual" | "auto" | "escalation";

/** The automatic rules' score and the rules that fired (null when the desk has no rules). */
export type PriorityScoring = { score: number | null; reasons: PriorityReason[] | null };

/**
 * The one place a ticket's priority changes after creation: writes the row and the timeline entry.
 * Everything that depends on priority (the SLA clocks) is recomputed from here. Returns whether
 * anything changed. The caller records the event-log entry and announces the change.
 * A priority set by hand or by an escalation is pinned: the automatic rules leave the ticket alone
 * until it is returned to automatic. `scoring` (automatic changes) is stored even when the
 * priority stays the same.
 */
export async function setTicketPriority(
  tx: TenantDb,
  ticket: Ticket,
  to: Priority,
  source: PrioritySource,
  actorMembershipId: string | null,
  scoring?: PriorityScoring,
): Promise<boolean> {
  const rank = priorities.indexOf(to);
  const kept = { priorityManual: source !== "auto", ...(scoring ? { priorityScore: scoring.score, priorityReasons: scoring.reasons } : {}) };
  if (rank === ticket.priority) {
    if (scoring || kept.priorityManual !== ticket.priorityManual) await tx.update(tickets).set(kept).where(eq(tickets.id, ticket.id));
    return false;
  }
  await tx.update(tickets).set({ priority: rank, ...kept, lastActivityAt: new Date() }).where(eq(tickets.id, ticket.id));
  await addTimeline(tx, ticket, actorMembershipId, "priority", { from: priorities[ticket.priority], to, source, ...(scoring ? { score: scoring.score, reasons: scoring.reasons } : {}) });
  await slaPolicyMayChange(tx, ticket.id);
  return true;
}
