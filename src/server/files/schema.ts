import { bigint, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../kernel/schema";

/** An uploaded file. The bytes live in storage under a generated key, never under the given name. */
export const files = pgTable(
  "files",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    ticketId: uuid("ticket_id"),
    messageId: uuid("message_id"),
    /** An image used in a knowledge-base article: public while that article is published. */
    articleId: uuid("article_id"),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedByMembershipId: uuid("uploaded_by_membership_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("files_message_idx").on(t.tenantId, t.messageId)],
);

export type StoredFile = typeof files.$inferSelect;
