import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { customers } from "../customers/schema";
import { tenants } from "../desks/schema";

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
    uniqueIndex("customer_links_token_hash_key").on(t.tokenHash),
    index("customer_links_customer_idx").on(t.tenantId, t.customerId),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete("cascade"),
  ],
);

export type CustomerLink = typeof customerLinks.$inferSelect;
