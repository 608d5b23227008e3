import { boolean, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/schema";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { departments } from "../departments/schema";
import { tenants } from "../desks/schema";

export const roles = ["owner", "admin", "agent"] as const;
export type Role = (typeof roles)[number];

export const grantLevels = ["view", "reply", "manage"] as const;
export type GrantLevel = (typeof grantLevels)[number];

export const memberships = pgTable(
  "memberships",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: roles }).notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("memberships_tenant_user_key").on(t.tenantId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const departmentGrants = pgTable(
  "department_grants",
  {
    tenantId: tenantIdColumn(),
    membershipId: uuid("membership_id").notNull(),
    departmentId: uuid("department_id").notNull(),
    level: text("level", { enum: grantLevels }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.membershipId, t.departmentId] }),
    foreignKey({ columns: [t.tenantId, t.membershipId], foreignColumns: [memberships.tenantId, memberships.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.departmentId], foreignColumns: [departments.tenantId, departments.id] }).onDelete("cascade"),
  ],
);

export type Membership = typeof memberships.$inferSelect;
export type DepartmentGrant = typeof departmentGrants.$inferSelect;
