import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can, type DeskAction } from "../kernel/permissions";
import { tickets, type Ticket } from "./schema";

/**
 * The ticket, if the caller may see it and do `action` on it. A ticket the caller may not see
 * (another department, or held and the caller is not an admin) answers NOT_FOUND, the same as
 * one that does not exist; seeing but not being allowed to act answers FORBIDDEN.
 */
export async function ticketFor(tx: TenantDb, actor: Actor, ticketId: string, action: DeskAction = "ticket.view"): Promise<Ticket> {
  // Changes lock the row for the rest of the transaction; plain reads do not wait on writers.
  const query = tx.select().from(tickets).where(eq(tickets.id, ticketId));
  const [ticket] = action === "ticket.view" ? await query : await query.for("update");
  if (!ticket || !can(actor.access, "ticket.view", ticket.departmentId)) throw new DeskError("NOT_FOUND", "ticket.notFound");
  if (ticket.heldReason && !can(actor.access, "desk.settings")) throw new DeskError("NOT_FOUND", "ticket.notFound");
  if (!can(actor.access, action, ticket.departmentId)) throw new DeskError("FORBIDDEN", "permission.denied");
  return ticket;
}

/** The ticket with this desk number, on the same terms as ticketFor (NOT_FOUND when it may not be seen). */
export async function ticketByNumber(tx: TenantDb, actor: Actor, number: number): Promise<Ticket> {
  const [row] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number));
  if (!row) throw new DeskError("NOT_FOUND", "ticket.notFound");
  return ticketFor(tx, actor, row.id);
}
