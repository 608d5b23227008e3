import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customers } from "../customers/schema";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { regconfig, tsvector } from "../db/pg-types";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import { memberships } from "../staff/schema";
import type { PriorityReason } from "../priority/score";
import { ticketStatuses, channels, heldReasons, messageKinds, type TicketStatus } from "./values";

export * from "./values";

/** Statuses of work still to do: the default views show these. */
export const activeStatuses: TicketStatus[] = ["new", "open", "pending", "on_hold"];

/** Stored as a rank so "most urgent first" is an index order. */

export const tickets = pgTable(
  "tickets",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    number: integer("number").notNull(),
    subject: text("subject").notNull(),
    customerId: uuid("customer_id").notNull(),
    departmentId: uuid("department_id").notNull(),
    assigneeMembershipId: uuid("assignee_membership_id"),
    status: text("status", { enum: ticketStatuses }).notNull().default("new"),
    priority: smallint("priority").notNull().default(1),
    channel: text("channel", { enum: channels }).notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    // Stored but not shown to agents until released (plan limit, suspension, blocked customer).
    heldReason: text("held_reason", { enum: heldReasons }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    mergedIntoTicketId: uuid("merged_into_ticket_id"),
    // Bumped by every message: a reply written against an older version is refused.
    version: integer("version").notNull().default(0),
    lastCustomerMessageAt: timestamp("last_customer_message_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    // For reports: the first public staff reply (never changed after), and when the ticket was
    // last solved or closed (cleared when it opens again).
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    solvedAt: timestamp("solved_at", { withTimezone: true }),
    searchConfig: regconfig("search_config").notNull(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector(search_config, subject)`),
    // Automatic priority: set by hand (the rules leave it alone), and the score and rules that fired.
    priorityManual: boolean("priority_manual").notNull().default(false),
    priorityScore: integer("priority_score"),
    priorityReasons: jsonb("priority_reasons").$type<PriorityReason[]>(),
    // SLA clocks (src/server/sla): the policy chosen by department and priority, each clock's
    // deadline while it runs (null once met or not set), the pause while waiting on the customer,
    // the breaches (each kind once, ever), and the nearest running deadline for "due soonest".
    slaPolicyId: uuid("sla_policy_id"),
    slaFirstResponseDueAt: timestamp("sla_first_response_due_at", { withTimezone: true }),
    slaNextResponseDueAt: timestamp("sla_next_response_due_at", { withTimezone: true }),
    slaResolutionDueAt: timestamp("sla_resolution_due_at", { withTimezone: true }),
    slaPausedAt: timestamp("sla_paused_at", { withTimezone: true }),
    slaBreaches: text("sla_breaches").array().notNull().default(sql`'{}'::text[]`),
    slaDueAt: timestamp("sla_due_at", { withTimezone: true }),
    // When the clocks started (creation, or release of a held ticket), the clock time spent
    // paused since, and the nearest deadline not yet breached (what the SLA job looks for).
    slaStartedAt: timestamp("sla_started_at", { withTimezone: true }),
    slaPausedMinutes: integer("sla_paused_minutes").notNull().default(0),
    slaNextBreachAt: timestamp("sla_next_breach_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("tickets_tenant_number_key").on(t.tenantId, t.number),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
    foreignKey({ columns: [t.tenantId, t.departmentId], foreignColumns: [departments.tenantId, departments.id] }),
    foreignKey({ columns: [t.tenantId, t.assigneeMembershipId], foreignColumns: [memberships.tenantId, memberships.id] }),
    // The inbox: work still to do, by department, newest first. Partial, so 300,000 closed
    // tickets cost nothing here.
    index("tickets_inbox_idx")
      .on(t.tenantId, t.departmentId, t.id)
      .where(sql`deleted_at is null and held_reason is null and archived_at is null and status in ('new','open','pending','on_hold')`),
    index("tickets_inbox_assignee_idx")
      .on(t.tenantId, t.assigneeMembershipId, t.id)
      .where(sql`deleted_at is null and held_reason is null and archived_at is null and status in ('new','open','pending','on_hold')`),
    // Queue counts read department, status and assignee of every active ticket: with all of them
    // here that is an index-only scan, not one heap visit per ticket (bench: 35 ms → 4 ms at
    // 25,000 active tickets). A department + priority filter becomes an index condition too.
    index("tickets_inbox_queue_idx")
      .on(t.tenantId, t.departmentId, t.priority, t.status, t.assigneeMembershipId)
      .where(sql`deleted_at is null and held_reason is null and archived_at is null and status in ('new','open','pending','on_hold')`),
    index("tickets_tenant_status_idx").on(t.tenantId, t.status, t.id),
    index("tickets_tenant_customer_idx").on(t.tenantId, t.customerId, t.id),
    index("tickets_tenant_priority_idx").on(t.tenantId, t.priority, t.id),
    index("tickets_tenant_last_customer_idx").on(t.tenantId, t.lastCustomerMessageAt, t.id),
    index("tickets_tags_idx").using("gin", t.tags),
    index("tickets_search_idx").using("gin", t.search),
    index("tickets_held_idx").on(t.tenantId, t.id).where(sql`held_reason is not null`),
    // "Due soonest": active tickets by their nearest deadline (nulls last, as the sort wants).
    index("tickets_sla_due_idx")
      .on(t.tenantId, t.slaDueAt, t.id)
      .where(sql`deleted_at is null and held_reason is null and archived_at is null and status in ('new','open','pending','on_hold')`),
    // The SLA job: "which desks have a breach due now" across desks is a range scan on the
    // deadline (index-only, with the desk id beside it); a desk's own claim filters the same range.
    index("tickets_sla_breach_idx").on(t.slaNextBreachAt, t.tenantId).where(sql`sla_next_breach_at is not null`),
    // The priority job walks the automatic, active tickets of a desk by id.
    index("tickets_priority_auto_idx")
      .on(t.tenantId, t.id)
      .where(sql`priority_manual = false and deleted_at is null and held_reason is null and archived_at is null and status in ('new','open','pending','on_hold')`),
    // Reports: a date range of created or solved tickets that count (and the unsolved ones for the
    // backlog), with department and assignee for the filters and the channel, so counts are
    // index-only scans (bench: backlog at the start of a year 115 ms as a sequential scan → 7 ms).
    index("tickets_report_created_idx")
      .on(t.tenantId, t.createdAt, t.departmentId, t.assigneeMembershipId, t.channel)
      .where(sql`deleted_at is null and held_reason is null and merged_into_ticket_id is null`),
    index("tickets_report_solved_idx")
      .on(t.tenantId, t.solvedAt, t.createdAt, t.departmentId, t.assigneeMembershipId)
      .where(sql`deleted_at is null and held_reason is null and merged_into_ticket_id is null`),
  ],
);

export const ticketMessages = pgTable(
  "ticket_messages",
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    ticketId: uuid("ticket_id").notNull(),
    kind: text("kind", { enum: messageKinds }).notNull(),
    authorMembershipId: uuid("author_membership_id"),
    customerId: uuid("customer_id"),
    body: text("body").notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    /** A follower of the ticket who wrote this (by mail); null when it is the requester or staff. */
    authorEmail: text("author_email"),
    /** Parts of the mail kept out of the ticket, with why: an attachment never sinks a message. */
    withheld: jsonb("withheld").$type<{ fileName: string; reason: string }[]>().notNull().default([]),
    searchConfig: regconfig("search_config").notNull(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector(search_config, body)`),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }).onDelete("cascade"),
    index("ticket_messages_ticket_idx").on(t.tenantId, t.ticketId, t.id),
    index("ticket_messages_search_idx").using("gin", t.search),
    // Replies per agent over a date range (reports, staff statistics), index-only.
    index("ticket_messages_replies_idx").on(t.tenantId, t.createdAt, t.authorMembershipId, t.ticketId).where(sql`kind = 'reply'`),
  ],
);

/** The timeline: every change of a ticket, interleaved with its messages by time. */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    ticketId: uuid("ticket_id").notNull(),
    actorMembershipId: uuid("actor_membership_id"),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }).onDelete("cascade"),
    index("ticket_events_ticket_idx").on(t.tenantId, t.ticketId, t.id),
  ],
);

/**
 * People who follow a ticket besides its requester: colleagues of the customer who were in To or
 * Cc, or whom an agent added. Public replies go to them in Cc; their replies join the ticket.
 */
export const ticketFollowers = pgTable(
  "ticket_followers",
  {
    tenantId: tenantIdColumn(),
    ticketId: uuid("ticket_id").notNull(),
    email: text("email").notNull(),
    name: text("name"),
    addedBy: text("added_by", { enum: ["mail", "agent"] }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ticketId, t.email] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }).onDelete("cascade"),
  ],
);

export type Ticket = typeof tickets.$inferSelect;
export type TicketMessage = typeof ticketMessages.$inferSelect;
export type TicketEvent = typeof ticketEvents.$inferSelect;
