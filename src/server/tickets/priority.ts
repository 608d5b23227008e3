import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { priorities, tickets, type Priority, type Ticket } from "./schema";
import { addTimeline } from "./timeline";

/** Who changed a ticket's priority: an agent by hand, the automatic rules, or an SLA escalation. */
export type PrioritySource = "manual" | "auto" | "escalation";

/**
 * The one place a ticket's priority changes after creation: writes the row and the timeline entry.
 * Everything that depends on priority (the SLA clocks) is recomputed from here. Returns whether
 * anything changed. The caller records the event-log entry and announces the change.
 */
export async function setTicketPriority(
  tx: TenantDb,
  ticket: Ticket,
  to: Priority,
  source: PrioritySource,
  actorMembershipId: string | null,
): Promise<boolean> {
  const rank = priorities.indexOf(to);
  if (rank === ticket.priority) return false;
  await tx.update(tickets).set({ priority: rank, lastActivityAt: new Date() }).where(eq(tickets.id, ticket.id));
  await addTimeline(tx, ticket, actorMembershipId, "priority", { from: priorities[ticket.priority], to, source });
  return true;
}
