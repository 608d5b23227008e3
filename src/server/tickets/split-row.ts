import { takeTicketNumber } from "../kernel/desk";
import type { TenantDb } from "../db/types";
import { tickets, type Ticket } from "./schema";

/** A new ticket row numbered from the desk's counter, copying the origin's customer and queue. */
export async function createTicketRow(tx: TenantDb, origin: Ticket, subject: string): Promise<Ticket> {
  const counter = await takeTicketNumber(tx);
  const [created] = await tx
    .insert(tickets)
    .values({
      tenantId: origin.tenantId,
      number: counter.number,
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
