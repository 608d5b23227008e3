import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../kernel/schema";

// Departments are the ticket queues; parentId makes sub-departments.
export const departments = pgTable(
  "departments",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    parentId: uuid("parent_id"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    isPublic: boolean("is_public").notNull().default(true),
    responsibleMembershipId: uuid("responsible_membership_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] as [AnyPgColumn, AnyPgColumn] }),
    index("departments_tenant_position_idx").on(t.tenantId, t.parentId, t.position),
  ],
);

export type Department = typeof departments.$inferSelect;
