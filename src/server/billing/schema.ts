import { boolean, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAtColumn } from "../db/columns";

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
