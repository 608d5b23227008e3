import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/schema";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import { roles, grantLevels, type GrantLevel } from "./values";

export * from "./values";

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
    /** An agent who may write the knowledge base (owners and admins always may). */
    kbEditor: boolean("kb_editor").notNull().default(false),
    /** Mail me about every new ticket in the departments I may see. */
    notifyNewTickets: boolean("notify_new_tickets").notNull().default(false),
    /** Mail me when a ticket is assigned to me by someone else. */
    notifyAssigned: boolean("notify_assigned").notNull().default(true),
    // Appended to this person's replies on this desk.
    signature: text("signature").notNull().default(""),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
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

/** A pending invitation to join a desk; the link carries a secret whose hash is stored here. */
export const invitations = pgTable(
  "invitations",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "agent"] }).notNull(),
    grants: jsonb("grants").$type<Record<string, GrantLevel>>().notNull().default({}),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("invitations_token_hash_key").on(t.tenantId, t.tokenHash),
    // One open invitation per email and desk.
    uniqueIndex("invitations_open_email_key")
      .on(t.tenantId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
