import { sql } from "drizzle-orm";
import { bigint, index, inet, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "../db/columns";

// People are global: one person may belong to several desks through memberships.
// Row-level security lets a desk see only the users who are its members.
export const users = pgTable(
  "users",
  {
    id: idColumn().primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale", { enum: ["en", "ru"] }).notNull().default("en"),
    avatarColor: text("avatar_color").notNull().default("slate"),
    // Bumped to end every session of this person at once (password change, lock-out).
    tokenVersion: integer("token_version").notNull().default(0),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** SHA-256 of the token in the address-verification link mailed at sign-up; single use. */
    emailVerificationHash: text("email_verification_hash"),
    emailVerificationExpiresAt: timestamp("email_verification_expires_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), uniqueIndex("users_email_verification_key").on(t.emailVerificationHash)],
);

export type User = typeof users.$inferSelect;

// The tables below are the platform's own: the application role that serves desks gets no grant on
// them (migration 0017), so no desk scope can read a session, a reset token or a second factor.

/** How a person proved who they are, for the sessions list and the event log. */
export const signInMethods = ["password", "oidc", "email_link", "reset", "test"] as const;
export type SignInMethod = (typeof signInMethods)[number];

/**
 * Every signed-in browser of a person. The session cookie (Auth.js JWT) carries this row's id;
 * a request is trusted only while the row exists, is not revoked and the token version holds.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: idColumn().primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: text("method", { enum: signInMethods }).notNull(),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAtColumn(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.createdAt)],
);
export type UserSession = typeof userSessions.$inferSelect;

export const ticketPurposes = ["sign_in", "second_factor"] as const;

/**
 * A short-lived, single-use proof that a step of signing in succeeded: the password (or the
 * provider, or the mailed link) was right, so the second factor may be asked, or the session may
 * be made. Only the SHA-256 of the secret is stored.
 */
export const signInTickets = pgTable(
  "sign_in_tickets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ticketPurposes }).notNull(),
    method: text("method", { enum: signInMethods }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("sign_in_tickets_user_idx").on(t.userId)],
);

/** "Forgot your password?": single use, one hour, only the SHA-256 of the mailed token stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/**
 * A person's authenticator (TOTP): the secret encrypted at rest, the last time step accepted (a
 * code is never taken twice), and a secret being enrolled until its first code confirms it.
 */
export const secondFactors = pgTable("second_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret"),
  pendingSecret: text("pending_secret"),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastStep: bigint("last_step", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Ten single-use recovery codes per enrolment; only their SHA-256 is stored. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);
