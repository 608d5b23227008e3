import { takeTicketNumber } from "../kernel/desk";
import { and, eq, isNull } from "drizzle-orm";
import { admitTicket } from "../billing/account";
import type { Customer } from "../customers/schema";
import { findOrCreateCustomer } from "../customers/service";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";
import { announce } from "../kernel/live";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { memberships } from "../staff/schema";
import { notifyAssigned, notifyNewTicket } from "../staff/notifications";
import { scoreNewTicket } from "../priority/evaluate";
import { stopListMatch } from "../stoplist/service";
import { ticketMessages, tickets, type Ticket } from "./schema";
import { addTimeline } from "./timeline";
import { startSlaClocks } from "./sla-clocks";
import { recordEvent } from "../kernel/events";
import { priorities, type Channel, type HeldReason, type Priority } from "./values";

export type NewTicket = {
  subject: string;
  body: string;
  customer: { email: string; name?: string | null; phone?: string | null };
  departmentId: string;
  channel: Channel;
  /** Chosen by hand (the rules then leave the ticket alone); without it the desk's rules decide. */
  priority?: Priority;
  assigneeMembershipId?: string | null;
  tags?: string[];
  /** The sender's IP address (widget, help center), for the stop-list. */
  ip?: string | null;
  /** A spam signal from the channel (the widget's honeypot field was filled in). */
  suspectedSpam?: boolean;
};

/** The text-search configuration of the desk's language. */
export const searchConfigFor = (locale: string) => (locale === "ru" ? "russian" : "english");

/**
 * Whether the desk can take this ticket as ordinary work now. A "no" never drops the message: the
 * ticket is stored held, with the reason, and released later: a blocked customer, spam, the
 * stop-list, then billing (a suspended desk, or the plan's tickets per day).
 */
export async function ticketAdmission(tx: TenantDb, customer: Customer, input: NewTicket): Promise<HeldReason | null> {
  if (customer.blockedAt) return "blocked_customer";
  if (input.suspectedSpam) return "spam";
  // Staff filing a ticket in the panel chose to; the stop-list screens what comes from outside.
  if (input.channel !== "panel" && (await stopListMatch(tx, { email: customer.email, ip: input.ip, text: `${input.subject}\n${input.body}` }))) return "stop_list";
  // Last, so tickets held for the reasons above do not use up the day's allowance.
  return admitTicket(tx, customer.tenantId);
}

/**
 * The one way a ticket comes into being, for every channel (panel, widget, mail, API). The number
 * comes from the desk's counter in this transaction: the row lock makes concurrent creations wait
 * their turn, and a rollback gives the number back, so numbers are unique and gap-free.
 */
export async function createTicket(tx: TenantDb, tenantId: string, input: NewTicket, actor: Actor | null): Promise<Ticket> {
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, input.departmentId), isNull(departments.archivedAt)));
  if (!department) throw new DeskError("BAD_REQUEST", "department.notFound", { fields: { departmentId: "department.notFound" } });
  if (input.assigneeMembershipId) {
    const [assignee] = await tx.select({ active: memberships.active }).from(memberships).where(eq(memberships.id, input.assigneeMembershipId));
    if (!assignee?.active) throw new DeskError("BAD_REQUEST", "staff.notFound", { fields: { assigneeMembershipId: "staff.notFound" } });
  }
  const customer = await findOrCreateCustomer(tx, tenantId, input.customer);
  const heldReason = await ticketAdmission(tx, customer, input);
  // Decided before the insert, so whatever runs after it (SLA clocks) sees the final priority.
  const scored = input.priority ? null : await scoreNewTicket(tx, { customer, departmentId: input.departmentId, subject: input.subject, body: input.body, channel: input.channel });
  const counter = await takeTicketNumber(tx);
  const searchConfig = searchConfigFor(counter.locale);
  const now = new Date();
  const [ticket] = await tx
    .insert(tickets)
    .values({
      tenantId,
      number: counter.number,
      subject: input.subject,
      customerId: customer.id,
      departmentId: input.departmentId,
      assigneeMembershipId: input.assigneeMembershipId ?? null,
      status: input.assigneeMembershipId ? "open" : "new",
      priority: priorities.indexOf(input.priority ?? scored?.priority ?? "normal"),
      priorityManual: input.priority !== undefined,
      priorityScore: scored?.score ?? null,
      priorityReasons: scored?.reasons ?? null,
      channel: input.channel,
      tags: [...new Set(input.tags ?? [])],
      heldReason,
      version: 1,
      lastCustomerMessageAt: now,
      lastActivityAt: now,
      searchConfig,
    })
    .returning();
  await tx.insert(ticketMessages).values({
    tenantId,
    ticketId: ticket!.id,
    kind: "customer",
    customerId: customer.id,
    body: input.body,
    channel: input.channel,
    searchConfig,
  });
  await startSlaClocks(tx, ticket!.id);
  await addTimeline(tx, ticket!, actor?.membershipId ?? null, "created", { channel: input.channel, heldReason });
  if (actor) {
    await recordEvent(tx, actor, {
      action: "ticket.created",
      objectType: "ticket",
      objectId: ticket!.id,
      summary: { number: ticket!.number, subject: ticket!.subject, customer: customer.email },
    });
  }
  if (!heldReason) {
    await announce(tx, { tenantId, ticketId: ticket!.id, departmentId: ticket!.departmentId, kind: "created" });
    await notifyNewTicket(tx, ticket!);
    if (input.assigneeMembershipId) await notifyAssigned(tx, ticket!, input.assigneeMembershipId, actor);
  }
  return ticket!;
}

/** Staff file a ticket for a customer (phone call, walk-in): they must be able to reply there. */
export async function createTicketOnBehalf(
  tx: TenantDb,
  actor: Actor,
  input: { subject: string; body: string; customerEmail: string; customerName?: string; departmentId: string; priority?: Priority; assigneeMembershipId: string | null; tags: string[] },
): Promise<Ticket> {
  if (!can(actor.access, "ticket.reply", input.departmentId)) throw new DeskError("FORBIDDEN", "permission.denied");
  return createTicket(
    tx,
    actor.tenantId,
    {
      subject: input.subject,
      body: input.body,
      customer: { email: input.customerEmail, name: input.customerName ?? null },
      departmentId: input.departmentId,
      channel: "panel",
      priority: input.priority,
      assigneeMembershipId: input.assigneeMembershipId,
      tags: input.tags,
    },
    actor,
  );
}
