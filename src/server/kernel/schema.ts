import { sql } from "drizzle-orm";
import { boolean, check, index, inet, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { plans } from "../billing/schema";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { deskLocales, globalKeyKinds, type WidgetFieldName } from "./values";

export * from "./values";

export type WidgetField = { name: WidgetFieldName; enabled: boolean; required: boolean };

// A desk is the tenant. Row-level security on this table compares id with app.tenant_id.
export const tenants = pgTable(
  "tenants",
  {
    id: idColumn().primaryKey(),
    slug: text("slug").notNull(),
    businessName: text("business_name").notNull(),
    displayName: text("display_name").notNull(),
    locale: text("locale", { enum: deskLocales }).notNull().default("en"),
    timeZone: text("time_zone").notNull().default("UTC"),
    planId: text("plan_id")
      .notNull()
      .default("standard")
      .references(() => plans.id),
    widgetFields: jsonb("widget_fields").$type<WidgetField[]>().notNull(),
    // Per-desk ticket numbers are taken from this counter in the creating transaction.
    ticketCounter: integer("ticket_counter").notNull().default(1000),
    // The share of customer ratings of 4–5 (percent) the desk aims for; reports compare with it.
    csatTarget: numeric("csat_target", { precision: 4, scale: 1, mode: "number" }).notNull().default(97.5),
    setupCompletedAt: timestamp("setup_completed_at", { withTimezone: true }),
    // The owner may require every member to sign in with a second factor before opening the desk.
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    createdByUserId: uuid("created_by_user_id").notNull(),
    createdAt: createdAtColumn(),
  },
  // The slug is unique across desks through the directory (global_keys), not a unique index: a
  // distributed database (Citus) enforces unique keys only within a desk.
  (t) => [index("tenants_slug_idx").on(t.slug), check("tenants_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'`),
    check("tenants_csat_target_range", sql`${t.csatTarget} between 0 and 100`),
  ],
);

export type Desk = typeof tenants.$inferSelect;

/**
 * The directory of what must be unique across desks — a desk's address, invitation and customer
 * link tokens, widget keys, forwarding keys, Stripe ids — and which desk each belongs to. A small
 * global table (a Citus reference table): the desks' own tables keep their keys unique per desk
 * (tenant_id first), and a lookup by a key asks here first, then the one desk it names.
 */
export const globalKeys = pgTable(
  "global_keys",
  {
    kind: text("kind", { enum: globalKeyKinds }).notNull(),
    key: text("key").notNull(),
    // Not "tenant_id": this table belongs to no desk (it is replicated, not distributed).
    deskId: uuid("desk_id").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), index("global_keys_desk_idx").on(t.deskId)],
);

// Append-only: the application role may insert and read audit events, never change them.
export const auditEvents = pgTable(
  "audit_events",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull().default({}),
    ip: inet("ip"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Keyset pages run on the primary key (tenant_id, id): ids are UUID v7, so id order is time
    // order and a date range is an id range. These serve the "by person" and "by action" filters.
    index("audit_events_tenant_actor_idx").on(t.tenantId, t.actorUserId, t.id),
    index("audit_events_tenant_action_idx").on(t.tenantId, t.action, t.id),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * Every rate limit of the platform, counted in Postgres so that it holds across instances and
 * restarts (rate-limiter-flexible's Drizzle store: one row per key, points and expiry).
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
