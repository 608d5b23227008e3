import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from "../db/columns";
import { tenants } from "../kernel/schema";
import { ticketStatuses } from "../tickets/values";

/** Reply templates: shared by the desk (owner null) or personal to one staff member. */
export const cannedReplies = pgTable(
  "canned_replies",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    ownerMembershipId: uuid("owner_membership_id"),
    folder: text("folder").notNull().default(""),
    title: text("title").notNull(),
    body: text("body").notNull(),
    setStatus: text("set_status", { enum: ticketStatuses }),
    addTags: text("add_tags").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("canned_replies_tenant_folder_idx").on(t.tenantId, t.folder, t.title)],
);

export type CannedReply = typeof cannedReplies.$inferSelect;
