import { timestamp, uuid } from "drizzle-orm/pg-core";
import { v7 as uuidv7 } from "uuid";

// Ids are UUID v7 made in the app: time-ordered, and PostgreSQL 15 has no uuidv7().
export const newId = () => uuidv7();

export const idColumn = () => uuid("id").notNull().$defaultFn(newId);
export const tenantIdColumn = () => uuid("tenant_id").notNull();
export const createdAtColumn = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAtColumn = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date());
