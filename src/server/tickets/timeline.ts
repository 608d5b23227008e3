import type { TenantDb } from "../db/types";
import { ticketEvents } from "./schema";

export type TimelineType =
  | "created"
  | "status"
  | "priority"
  | "priority_automatic"
  | "assignee"
  | "department"
  | "tags"
  | "merged_into"
  | "merged_from"
  | "unmerged"
  | "split_to"
  | "split_from"
  | "trashed"
  | "restored"
  | "released"
  | "sla_breach"
  | "auto_reply"
  | "mail_linked"
  | "followers_added"
  | "follower_removed";

/** Adds an entry to the ticket's timeline, in the transaction of the change. */
export async function addTimeline(
  tx: TenantDb,
  ticket: { tenantId: string; id: string },
  actorMembershipId: string | null,
  type: TimelineType,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(ticketEvents).values({ tenantId: ticket.tenantId, ticketId: ticket.id, actorMembershipId, type, data });
}
