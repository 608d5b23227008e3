import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { tenants } from "../kernel/schema";
import { outboxStatuses, mailDirections, mailOutcomes, matchedByValues, templateKinds } from "./values";

export * from "./values";

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
    /** How it is addressed: the desk's sender, the ticket's reply address, and followers in Cc. */
    fromAddress: text("from_address"),
    fromName: text("from_name"),
    replyTo: text("reply_to"),
    cc: text("cc").array().notNull().default(sql`'{}'::text[]`),
    /** The Message-ID this mail goes out with, and what it answers, so mail clients thread it. */
    messageId: text("message_id"),
    inReplyTo: text("in_reply_to"),
    references: text("references").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

export type OutboxMessage = typeof outbox.$inferSelect;

/**
 * Mail about a person's account rather than a desk (address confirmation, password reset, sign-in
 * alerts): the platform's own outbox, delivered by the same job. A desk never reads it.
 */
export const accountMail = pgTable(
  "account_mail",
  {
    id: idColumn().primaryKey(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    status: text("status", { enum: outboxStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index("account_mail_due_idx").on(t.status, t.nextAttemptAt)],
);
export type AccountMail = typeof accountMail.$inferSelect;

/**
 * Every message that went out about a ticket or came in, by its Message-ID: how replies find
 * their ticket, why an incoming message joined the ticket it did, and the raw original (stored
 * under `rawKey`) kept for viewing. Unique per desk, direction and Message-ID: importing the
 * same message twice is a no-op.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    direction: text("direction", { enum: mailDirections }).notNull(),
    messageId: text("message_id").notNull(),
    inReplyTo: text("in_reply_to"),
    references: text("references").array().notNull().default(sql`'{}'::text[]`),
    fromAddress: text("from_address").notNull().default(""),
    subject: text("subject").notNull().default(""),
    ticketId: uuid("ticket_id"),
    ticketMessageId: uuid("ticket_message_id"),
    outcome: text("outcome", { enum: mailOutcomes }),
    /** Why it joined its ticket: "reply_address", "message_id", "references", "subject_tag", "follower" (or "new"). */
    matchedBy: text("matched_by", { enum: matchedByValues }),
    /** SPF, DKIM and DMARC as the receiving server found them (mail received by our SMTP server). */
    authResults: jsonb("auth_results").$type<{ spf: string; dkim: string; dmarc: string }>(),
    /** Why it was held as possible spam, when it was. */
    spamReason: text("spam_reason"),
    rawKey: text("raw_key"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("mail_messages_message_id_key").on(t.tenantId, t.direction, t.messageId),
    index("mail_messages_ticket_idx").on(t.tenantId, t.ticketId),
    index("mail_messages_sender_idx").on(t.tenantId, t.fromAddress, t.id),
  ],
);

/** A desk's own wording of a customer mail, per kind and language; without a row the default applies. */
export const mailTemplates = pgTable(
  "mail_templates",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: templateKinds }).notNull(),
    locale: text("locale", { enum: ["en", "ru"] }).notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.locale] })],
);
