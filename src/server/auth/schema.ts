import { sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
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
