import { pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantIdColumn, updatedAtColumn } from "../db/columns";
import { tenants } from "../kernel/schema";
import { widgetPositions } from "./values";

export * from "./values";

/**
 * A desk's embeddable widget: the public key in the script tag (not a secret), the secret that
 * signs visitor identities (HMAC of the email), its look, and the sites that may embed it. The
 * form's fields live on the desk (tenants.widget_fields, chosen in the setup wizard).
 */
export const widgets = pgTable(
  "widgets",
  {
    tenantId: tenantIdColumn()
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    publicKey: text("public_key").notNull(),
    identitySecret: text("identity_secret").notNull(),
    color: text("color").notNull().default("#4f46e5"),
    position: text("position", { enum: widgetPositions }).notNull().default("right"),
    greeting: text("greeting").notNull().default(""),
    /** Departments a visitor may choose; empty: the form offers no choice (the first department). */
    departmentIds: uuid("department_ids").array().notNull().default([]),
    /** Origins (scheme://host[:port]) allowed to embed the widget. Empty: none yet. */
    allowedOrigins: text("allowed_origins").array().notNull().default([]),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("widgets_public_key_key").on(t.tenantId, t.publicKey)],
);

export type Widget = typeof widgets.$inferSelect;
