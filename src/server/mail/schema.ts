import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../desks/schema";

export const outboxStatuses = ["queued", "sent", "failed", "stored"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Every mail Deskhand sends, written in the transaction of the change that caused it. Without
 * SMTP_URL a message stays "stored" here (the embedded outbox the panel shows); with it a job
 * delivers "queued" messages after commit.
 */
export const outbox = pgTable(
  "outbox",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    status: text("status", { enum: outboxStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

export type OutboxMessage = typeof outbox.$inferSelect;
