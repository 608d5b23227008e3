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
    // Keyset pages run on the primary key (tenant_id, id): ids are UUID v7, so id order is time
    // order and a date range is an id range. These serve the "by person" and "by action" filters.
    index("audit_events_tenant_actor_idx").on(t.tenantId, t.actorUserId, t.id),
    index("audit_events_tenant_action_idx").on(t.tenantId, t.action, t.id),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
