import { and, eq, inArray, notInArray } from "drizzle-orm";
import { activeDepartment, archivableDepartment, getDepartment, markArchived } from "../departments/service";
import { DeskError } from "../errors";
import type { TenantDb } from "../db/types";
import { announce } from "../kernel/live";
import type { Actor } from "../kernel/actor";
import { tickets } from "./schema";
import { addTimeline } from "./timeline";
import { slaPolicyMayChange } from "./sla-clocks";

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

/**
 * Archived departments leave the lists and the widget; grants and history stay. Open tickets are
 * never stranded: while there are any, archiving needs a department to move them to.
 */
export async function archiveDepartment(tx: TenantDb, actor: Actor, id: string, moveOpenTicketsTo: string | null = null): Promise<{ moved: number }> {
  const department = await archivableDepartment(tx, id);
  if (!department) return { moved: 0 };
  let moved = 0;
  const open = await openTicketIds(tx, id);
  if (open.length > 0) {
    if (!moveOpenTicketsTo) throw new DeskError("CONFLICT", "department.hasOpenTickets", { params: { count: open.length } });
    const target = await activeDepartment(tx, moveOpenTicketsTo);
    if (!target || target.id === id) throw new DeskError("BAD_REQUEST", "department.notFound");
    moved = await moveOpenTickets(tx, actor, id, target.id, target.name);
  }
  await markArchived(tx, actor, department, { count: moved, to: moveOpenTicketsTo });
  return { moved };
}

/** How many open tickets archiving would move, for the archive dialog. */
export async function openTicketCount(tx: TenantDb, id: string): Promise<number> {
  await getDepartment(tx, id);
  return (await openTicketIds(tx, id)).length;
}
