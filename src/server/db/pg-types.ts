import { customType } from "drizzle-orm/pg-core";

/** A text-search vector; only ever written by Postgres through generated columns. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A text-search configuration name ('english', 'russian', 'simple'). */
export const regconfig = customType<{ data: string }>({ dataType: () => "regconfig" });
