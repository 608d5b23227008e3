import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../kernel/schema";

/** Whoever writes to the desk: registered automatically by email on their first ticket. */
export const customers = pgTable(
  "customers",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    phone: text("phone"),
    // A blocked customer's new messages are held, never dropped.
    blockedAt: timestamp("blocked_at", { withTimezone: true }),
    vip: boolean("vip").notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("customers_tenant_email_key").on(t.tenantId, sql`lower(${t.email})`),
    // Emails are stored lower-case; plain equality (leakproof) can use this index under RLS.
    index("customers_tenant_email_idx").on(t.tenantId, t.email),
    index("customers_tenant_name_idx").on(t.tenantId, t.name),
  ],
);

export type Customer = typeof customers.$inferSelect;

/**
 * A customer's private link: /t/TOKEN. Only the SHA-256 of the token is stored. With a ticket it
 * opens that ticket (sent on submission and with every reply; it does not expire); without one
 * it is a "check my ticket" magic link listing all of the customer's tickets, and expires.
 */
export const customerLinks = pgTable(
  "customer_links",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    tokenHash: text("token_hash").notNull(),
    customerId: uuid("customer_id").notNull(),
    ticketId: uuid("ticket_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("customer_links_token_hash_key").on(t.tenantId, t.tokenHash),
    index("customer_links_customer_idx").on(t.tenantId, t.customerId),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete("cascade"),
  ],
);

export type CustomerLink = typeof customerLinks.$inferSelect;
