import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../desks/schema";

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
