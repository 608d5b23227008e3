import { type TicketStatus } from "./values";

const finished = new Set<TicketStatus>(["solved", "closed"]);

/**
 * The ticket's `solved_at` after a status change, for reports: set when it becomes solved or
 * closed, kept while it moves between the two, cleared when it opens again.
 */
export function solvedAtAfter(from: TicketStatus, to: TicketStatus, current: Date | null, now = new Date()): Date | null {
  if (!finished.has(to)) return null;
  return finished.has(from) ? (current ?? now) : now;
}
