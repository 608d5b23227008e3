import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from "../db/columns";
import { tenants } from "../kernel/schema";
import { billingOptions, accountStatuses, ledgerKinds } from "./values";

export * from "./values";

// Platform-wide (not tenant data): the plans the operator sells. Amounts are minor units.
export const plans = pgTable("plans", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  dailyPrice: integer("daily_price").notNull(),
  agentSeats: integer("agent_seats").notNull(),
  ticketsPerDay: integer("tickets_per_day").notNull(),
  optionsIncluded: boolean("options_included").notNull().default(false),
  optionDailyPrice: integer("option_daily_price").notNull().default(0),
  position: integer("position").notNull().default(0),
  createdAt: createdAtColumn(),
});

export type Plan = typeof plans.$inferSelect;

/**
 * A desk's money and usage. The balance (minor units) never goes below zero (CHECK) and always
 * equals the sum of the desk's ledger. `chargedThrough` is the last billing day paid; the
 * tickets-per-day counter is one row updated atomically per new ticket.
 */
export const billingAccounts = pgTable(
  "billing_accounts",
  {
    tenantId: tenantIdColumn()
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    balance: bigint("balance", { mode: "number" }).notNull().default(0),
    status: text("status", { enum: accountStatuses }).notNull().default("active"),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    /** Paused by a platform operator: stays paused until an operator resumes it, whatever the balance. */
    suspendedManually: boolean("suspended_manually").notNull().default(false),
    options: text("options", { enum: billingOptions }).array().notNull().default(sql`'{}'::text[]`),
    /** The first billing day (the day after sign-up, in the desk's time zone). */
    billingStarts: date("billing_starts").notNull(),
    /** The last billing day paid for; null before the first charge. */
    chargedThrough: date("charged_through"),
    ticketsDay: date("tickets_day"),
    ticketsToday: integer("tickets_today").notNull().default(0),
    lowBalanceMailedAt: timestamp("low_balance_mailed_at", { withTimezone: true }),
    updatedAt: updatedAtColumn(),
  },
  (t) => [check("billing_accounts_balance_not_negative", sql`${t.balance} >= 0`)],
);

/** Every change of a balance, with the balance after it. Append-only; unique per charge day and per Stripe event. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    kind: text("kind", { enum: ledgerKinds }).notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    balanceAfter: bigint("balance_after", { mode: "number" }).notNull(),
    /** The billing day a charge pays for. */
    day: date("day"),
    description: text("description").notNull().default(""),
    stripeEventId: text("stripe_event_id"),
    stripePaymentIntent: text("stripe_payment_intent"),
    stripeReceiptUrl: text("stripe_receipt_url"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("ledger_charge_day_key").on(t.tenantId, t.day).where(sql`kind = 'charge'`),
    uniqueIndex("ledger_trial_key").on(t.tenantId).where(sql`kind = 'trial'`),
    uniqueIndex("ledger_stripe_event_key").on(t.tenantId, t.stripeEventId),
    uniqueIndex("ledger_payment_intent_key").on(t.tenantId, t.stripePaymentIntent, t.kind),
    index("ledger_tenant_idx").on(t.tenantId, t.id),
  ],
);

/** A top-up started with Stripe Checkout: the session maps to its desk here, never by metadata alone. */
export const checkoutSessions = pgTable(
  "checkout_sessions",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    stripeSessionId: text("stripe_session_id").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    status: text("status", { enum: ["open", "completed", "expired"] }).notNull().default("open"),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("checkout_sessions_stripe_key").on(t.tenantId, t.stripeSessionId)],
);

/** Platform-wide settings the operator edits (the trial credit, top-up bounds). Not tenant data. */
export const platformSettings = pgTable("platform_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<number | string | boolean>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type BillingAccount = typeof billingAccounts.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
