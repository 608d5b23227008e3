import { pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../kernel/schema";
import { stopKinds } from "./values";

export * from "./values";

/**
 * The desk's stop-list, applied to new tickets from every channel. A match holds the ticket for
 * review (held reason "stop_list"); nothing is dropped. Values are stored lower-case.
 */
export const stopListEntries = pgTable(
  "stop_list_entries",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    kind: text("kind", { enum: stopKinds }).notNull(),
    value: text("value").notNull(),
    createdByMembershipId: uuid("created_by_membership_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("stop_list_entries_value_key").on(t.tenantId, t.kind, t.value)],
);

export type StopListEntry = typeof stopListEntries.$inferSelect;
