import { sql } from "drizzle-orm";
import { bigint, boolean, foreignKey, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn } from "../db/columns";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";

/** A desk's inbound mail: the secret of its forwarding address and the addresses that are its own. */
export const mailSettings = pgTable(
  "mail_settings",
  {
    tenantId: tenantIdColumn()
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    inboundKey: text("inbound_key").notNull(),
    ownAddresses: text("own_addresses").array().notNull().default(sql`'{}'::text[]`),
    defaultDepartmentId: uuid("default_department_id"),
    maxNewPerHour: integer("max_new_per_hour").notNull().default(20),
    /** The name customers see on the desk's mail ("Acme Support"); null: the desk's name. */
    senderName: text("sender_name"),
    /** The desk's own address to send from (support@acme.com), once proven by a mailed link. */
    sendingAddress: text("sending_address"),
    sendingAddressVerifiedAt: timestamp("sending_address_verified_at", { withTimezone: true }),
    sendingTokenHash: text("sending_token_hash"),
    sendingTokenExpiresAt: timestamp("sending_token_expires_at", { withTimezone: true }),
    /** How mail from the desk's own address goes out: through the platform, or the desk's SMTP server. */
    sendingMode: text("sending_mode", { enum: ["platform", "smtp"] }).notNull().default("platform"),
    smtpHost: text("smtp_host"),
    smtpPort: integer("smtp_port"),
    smtpSecurity: text("smtp_security", { enum: ["tls", "starttls", "none"] }),
    smtpUsername: text("smtp_username"),
    smtpPasswordSecret: text("smtp_password_secret"),
    smtpLastError: text("smtp_last_error"),
    /** Senders marked "not spam": their mail is not held for a spam verdict again. */
    trustedSenders: text("trusted_senders").array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mail_settings_inbound_key").on(t.tenantId, t.inboundKey)],
);

/** Mail that could not be parsed or imported: kept raw with the error, to retry or download. Nothing is lost. */
export const mailFailures = pgTable(
  "mail_failures",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    rawKey: text("raw_key").notNull(),
    error: text("error").notNull(),
    /** The mailbox it came from (its department applies on retry); null for the forwarding address. */
    mailboxId: uuid("mailbox_id"),
    retriedAt: timestamp("retried_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * An IMAP mailbox the desk reads (Gmail with an app password, any IMAP server). The password is
 * encrypted at rest (AES-256-GCM under a key derived from the session secret) and never sent back
 * to the browser. `uidValidity` + `lastUid` say what has been imported: a poll reads UIDs above
 * `lastUid` and advances it in the transaction of each import, so a crash neither loses nor
 * repeats a message. Until the first full pass (`uidValidity` null, or changed by the server) it
 * reads the folder's unseen messages. `leaseUntil` keeps two instances off the same mailbox.
 */
export const mailboxes = pgTable(
  "mailboxes",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    /** The mailbox's own address: mail from it is the desk's own and is never imported. */
    address: text("address").notNull(),
    host: text("host").notNull(),
    port: integer("port").notNull().default(993),
    secure: boolean("secure").notNull().default(true),
    username: text("username").notNull(),
    passwordSecret: text("password_secret").notNull(),
    folder: text("folder").notNull().default("INBOX"),
    departmentId: uuid("department_id"),
    enabled: boolean("enabled").notNull().default(true),
    uidValidity: bigint("uid_validity", { mode: "number" }),
    lastUid: bigint("last_uid", { mode: "number" }).notNull().default(0),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    lastError: text("last_error"),
    importedCount: integer("imported_count").notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("mailboxes_address_key").on(t.tenantId, t.address),
    foreignKey({ columns: [t.tenantId, t.departmentId], foreignColumns: [departments.tenantId, departments.id] }),
  ],
);

export type Mailbox = typeof mailboxes.$inferSelect;
