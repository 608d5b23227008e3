import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { announce } from "../realtime/bus";
import type { Actor } from "../staff/actor";
import { tickets } from "./schema";
import { addTimeline } from "./timeline";
import { slaPolicyMayChange } from "../sla/clocks";

const finished = ["solved", "closed"] as const;

/** Tickets still to be worked in a department (held ones included: they must not be lost). */
export async function openTicketIds(tx: TenantDb, departmentId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.departmentId, departmentId), notInArray(tickets.status, [...finished])));
  return rows.map((r) => r.id);
}

/** Moves a department's open tickets to another one, each with a timeline entry. */
export async function moveOpenTickets(tx: TenantDb, actor: Actor, fromId: string, toId: string, toName: string): Promise<number> {
  const ids = await openTicketIds(tx, fromId);
  if (ids.length === 0) return 0;
  await tx.update(tickets).set({ departmentId: toId, assigneeMembershipId: null }).where(inArray(tickets.id, ids));
  for (const id of ids) {
    await slaPolicyMayChange(tx, id);
    await addTimeline(tx, { tenantId: actor.tenantId, id }, actor.membershipId, "department", { from: fromId, to: toId, toName, note: null });
    await announce(tx, { tenantId: actor.tenantId, ticketId: id, departmentId: toId, kind: "updated" });
  }
  return ids.length;
}
