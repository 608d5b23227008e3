import { and, eq, sql } from "drizzle-orm";
import type { Customer } from "../customers/schema";
import { customers } from "../customers/schema";
import type { TenantDb } from "../db/types";
import type { PriorityScoring } from "../tickets/priority";
import { tickets, type Ticket } from "../tickets/schema";
import { scoringSetup, type ScoringSetup } from "./rules";
import { departmentLine, scoreTicket, type ScoringRule, type Thresholds } from "./score";
import { type Channel, type Priority } from "../tickets/values";

/**
 * A new ticket's priority from the desk's rules, decided before the ticket is stored (so whatever
 * runs after the insert sees the final priority). A desk without rules files it as normal.
 */
export async function scoreNewTicket(
  tx: TenantDb,
  ticket: { customer: Customer; departmentId: string; subject: string; body: string; channel: Channel },
): Promise<{ priority: Priority } & PriorityScoring> {
  const setup = await scoringSetup(tx);
  if (!setup) return { priority: "normal", score: null, reasons: null };
  const facts = {
    customerVip: ticket.customer.vip,
    customerEmail: ticket.customer.email,
    departmentIds: departmentLine(ticket.departmentId, setup.parentOf),
    subject: ticket.subject,
    body: ticket.body,
    channel: ticket.channel,
    waitingHours: 0,
  };
  return scoreTicket(facts, setup.rules, setup.thresholds);
}

/** Below every ticket id: where a pass over a desk starts. */
export const firstTicketId = "00000000-0000-0000-0000-000000000000";

/** Tickets with what the rules look at: the customer, the request's text, and how long the customer has waited. */
export function selectWithFacts(tx: TenantDb, setup: ScoringSetup, now: Date) {
  // The first customer message no public reply has answered yet (ids are time-ordered).
  const waitingHours = sql<number | null>`(
    select extract(epoch from (${now.toISOString()}::timestamptz - min(m.created_at))) / 3600
    from ticket_messages m
    where m.tenant_id = ${tickets.tenantId} and m.ticket_id = ${tickets.id} and m.kind = 'customer'
      and m.id > coalesce(
        (select r.id from ticket_messages r where r.tenant_id = ${tickets.tenantId} and r.ticket_id = ${tickets.id} and r.kind = 'reply' order by r.id desc limit 1),
        ${firstTicketId}::uuid))`.mapWith((v: unknown) => (v === null ? null : Number(v)));
  const body = setup.needsBody
    ? sql<string>`coalesce((
        select m.body from ticket_messages m
        where m.tenant_id = ${tickets.tenantId} and m.ticket_id = ${tickets.id} and m.kind = 'customer'
        order by m.id limit 1), '')`
    : sql<string>`''`;
  return tx
    .select({ ticket: tickets, vip: customers.vip, email: customers.email, body, waitingHours })
    .from(tickets)
    .innerJoin(customers, and(eq(customers.tenantId, tickets.tenantId), eq(customers.id, tickets.customerId)));
}

export type TicketWithFacts = { ticket: Ticket; vip: boolean; email: string; body: string; waitingHours: number | null };

export function rescore(row: TicketWithFacts, setup: { rules: readonly ScoringRule[]; thresholds: Thresholds; parentOf: ReadonlyMap<string, string | null> }) {
  return scoreTicket(
    {
      customerVip: row.vip,
      customerEmail: row.email,
      departmentIds: departmentLine(row.ticket.departmentId, setup.parentOf),
      subject: row.ticket.subject,
      body: row.body,
      channel: row.ticket.channel,
      waitingHours: row.waitingHours,
    },
    setup.rules,
    setup.thresholds,
  );
}

/** The smallest UUID v7 made at `at`: every id below it was made earlier. */
export function idBefore(at: Date): string {
  const hex = Math.max(0, Math.floor(at.getTime())).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

