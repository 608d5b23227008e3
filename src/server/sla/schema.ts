import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import type { WeeklyInterval } from "./clock";
import { escalationPriorities } from "./values";

export * from "./values";

/** The clocks of a ticket, in the order the product names them. */

/** What a breach does to the priority: one step up, or straight to a level. */

/** The desk's working week and holidays (one row per desk; none means Mon–Fri 09:00–17:00). */
export const slaBusinessHours = pgTable("sla_business_hours", {
  tenantId: tenantIdColumn()
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  week: jsonb("week").$type<WeeklyInterval[]>().notNull().default([]),
  /** Calendar days ("2026-12-31") in the desk's time zone. */
  holidays: text("holidays").array().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Targets for tickets of one priority, desk-wide (no department) or in a department and its
 * sub-departments. Minutes are counted in business hours or around the clock.
 */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    departmentId: uuid("department_id"),
    priority: smallint("priority").notNull(),
    firstResponseMinutes: integer("first_response_minutes"),
    nextResponseMinutes: integer("next_response_minutes"),
    resolutionMinutes: integer("resolution_minutes"),
    businessHours: boolean("business_hours").notNull().default(true),
    escalatePriority: text("escalate_priority", { enum: escalationPriorities }),
    escalateDepartmentId: uuid("escalate_department_id"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.departmentId], foreignColumns: [departments.tenantId, departments.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.escalateDepartmentId], foreignColumns: [departments.tenantId, departments.id] }),
    // One policy per scope and priority; the desk-wide scope is the null department.
    unique("sla_policies_scope_key").on(t.tenantId, t.departmentId, t.priority).nullsNotDistinct(),
    index("sla_policies_escalate_idx").on(t.tenantId, t.escalateDepartmentId),
  ],
);

export type SlaPolicy = typeof slaPolicies.$inferSelect;
