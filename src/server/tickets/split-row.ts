import { eq, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { tenants } from "../desks/schema";
import { tickets, type Ticket } from "./schema";

/** A new ticket row numbered from the desk's counter, copying the origin's customer and queue. */
export async function createTicketRow(tx: TenantDb, origin: Ticket, subject: string): Promise<Ticket> {
  const [counter] = await tx
    .update(tenants)
    .set({ ticketCounter: sql`${tenants.ticketCounter} + 1` })
    .where(eq(tenants.id, origin.tenantId))
    .returning({ number: tenants.ticketCounter });
  const [created] = await tx
    .insert(tickets)
    .values({
      tenantId: origin.tenantId,
      number: counter!.number,
      subject,
      customerId: origin.customerId,
      departmentId: origin.departmentId,
      assigneeMembershipId: origin.assigneeMembershipId,
      status: "open",
      priority: origin.priority,
      channel: origin.channel,
      tags: origin.tags,
      version: 1,
      lastCustomerMessageAt: origin.lastCustomerMessageAt,
      searchConfig: origin.searchConfig,
    })
    .returning();
  return created!;
}
