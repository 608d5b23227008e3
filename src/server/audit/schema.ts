import { index, inet, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../desks/schema";

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
    index("audit_events_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
