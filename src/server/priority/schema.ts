import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from "../db/columns";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import { ruleKinds } from "./values";

export * from "./values";

/**
 * What a rule looks at: the customer is VIP, the customer's email domain is one of the desk's
 * important organisations, the ticket's department (or a sub-department of it), words in the
 * subject or message, the channel, or how long the customer has waited for a public reply.
 */

/**
 * A desk's automatic-priority rules: each adds its weight to a new ticket's score when its one
 * condition holds. `terms` holds the domains, words or channels; `department_id` and `hours`
 * the other conditions' values.
 */
export const priorityRules = pgTable(
  "priority_rules",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ruleKinds }).notNull(),
    terms: text("terms").array().notNull().default(sql`'{}'::text[]`),
    departmentId: uuid("department_id"),
    hours: integer("hours"),
    weight: integer("weight").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.departmentId], foreignColumns: [departments.tenantId, departments.id] }).onDelete("cascade"),
    check("priority_rules_weight_range", sql`${t.weight} between -1000 and 1000`),
  ],
);

/** Where a desk's scores turn into priorities; a desk without a row uses the defaults. */
export const priorityThresholds = pgTable(
  "priority_thresholds",
  {
    tenantId: tenantIdColumn()
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    lowAtMost: integer("low_at_most").notNull(),
    highAtLeast: integer("high_at_least").notNull(),
    urgentAtLeast: integer("urgent_at_least").notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [check("priority_thresholds_ordered", sql`${t.lowAtMost} < ${t.highAtLeast} and ${t.highAtLeast} < ${t.urgentAtLeast}`)],
);

export type PriorityRuleRow = typeof priorityRules.$inferSelect;
