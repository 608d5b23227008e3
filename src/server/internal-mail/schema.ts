import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../kernel/schema";
import { memberships } from "../staff/schema";

/** A conversation between colleagues of one desk, optionally about a ticket. */
export const internalThreads = pgTable(
  "internal_threads",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    subject: text("subject").notNull(),
    // No foreign key: a ticket deleted for good leaves the link behind, read as "a ticket you cannot open".
    ticketId: uuid("ticket_id"),
    createdByMembershipId: uuid("created_by_membership_id").notNull(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: "internal_threads_creator_fk", columns: [t.tenantId, t.createdByMembershipId], foreignColumns: [memberships.tenantId, memberships.id] }),
    // The same bounds as the inputs (inputs.ts), once more where no code path can skip them.
    check("internal_threads_subject_length", sql`char_length(${t.subject}) between 1 and 200`),
  ],
);

/**
 * Who takes part in a thread, with a copy of the thread's newest message id (UUID v7, so time
 * order): "my threads, newest first" is one index range, and unread is "newer than what I read".
 */
export const internalParticipants = pgTable(
  "internal_participants",
  {
    tenantId: tenantIdColumn(),
    threadId: uuid("thread_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    lastMessageId: uuid("last_message_id").notNull(),
    lastReadMessageId: uuid("last_read_message_id"),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.threadId, t.membershipId] }),
    foreignKey({ name: "internal_participants_thread_fk", columns: [t.tenantId, t.threadId], foreignColumns: [internalThreads.tenantId, internalThreads.id] }).onDelete("cascade"),
    foreignKey({ name: "internal_participants_membership_fk", columns: [t.tenantId, t.membershipId], foreignColumns: [memberships.tenantId, memberships.id] }),
    index("internal_participants_inbox_idx").on(t.tenantId, t.membershipId, t.lastMessageId),
    // The navigation badge counts only these rows.
    index("internal_participants_unread_idx")
      .on(t.tenantId, t.membershipId)
      .where(sql`last_read_message_id is distinct from last_message_id`),
  ],
);

export const internalMessages = pgTable(
  "internal_messages",
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    threadId: uuid("thread_id").notNull(),
    authorMembershipId: uuid("author_membership_id").notNull(),
    body: text("body").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: "internal_messages_thread_fk", columns: [t.tenantId, t.threadId], foreignColumns: [internalThreads.tenantId, internalThreads.id] }).onDelete("cascade"),
    foreignKey({ name: "internal_messages_author_fk", columns: [t.tenantId, t.authorMembershipId], foreignColumns: [memberships.tenantId, memberships.id] }),
    index("internal_messages_thread_idx").on(t.tenantId, t.threadId, t.id),
    check("internal_messages_body_length", sql`char_length(${t.body}) between 1 and 10000`),
  ],
);

export type InternalThread = typeof internalThreads.$inferSelect;
export type InternalMessage = typeof internalMessages.$inferSelect;
