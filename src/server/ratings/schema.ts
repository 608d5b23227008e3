import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from "../db/columns";
import { tenants } from "../kernel/schema";
import { ticketMessages } from "../tickets/schema";

/**
 * A customer's rating of one public reply: quality and speed (1–5) and a comment. One per reply,
 * changeable for 7 days after it was first given. The agent and department are kept as they were
 * when the reply was written, for per-agent and per-department figures.
 */
export const ratings = pgTable(
  "ratings",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    messageId: uuid("message_id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    agentMembershipId: uuid("agent_membership_id"),
    departmentId: uuid("department_id").notNull(),
    quality: smallint("quality").notNull(),
    speed: smallint("speed").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("ratings_message_key").on(t.tenantId, t.messageId),
    index("ratings_agent_idx").on(t.tenantId, t.agentMembershipId),
    index("ratings_department_idx").on(t.tenantId, t.departmentId),
    // Reports read the ratings given in a date range.
    index("ratings_tenant_created_idx").on(t.tenantId, t.createdAt),
    foreignKey({ columns: [t.tenantId, t.messageId], foreignColumns: [ticketMessages.tenantId, ticketMessages.id] }).onDelete("cascade"),
    check("ratings_quality_range", sql`${t.quality} between 1 and 5`),
    check("ratings_speed_range", sql`${t.speed} between 1 and 5`),
  ],
);

export type Rating = typeof ratings.$inferSelect;
