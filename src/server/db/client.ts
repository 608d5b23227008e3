import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { dataDir, env } from "@/env";
import * as schema from "./schema";
import type { Database } from "./types";

export const migrationsFolder = path.join(process.cwd(), "drizzle");
// Any constant; serialises migrations when several instances start at once.
const MIGRATION_LOCK = 72_231_001;

export type OpenDatabase = {
  db: Database;
  close: () => Promise<void>;
  kind: "pglite" | "postgres";
  /** LISTEN on a channel (NOTIFY is sent inside transactions, so only committed changes arrive). */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
};

/** Opens PGlite in `dir` (or in memory when dir is null) and applies the migrations. */
export async function openPglite(dir: string | null): Promise<OpenDatabase> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = dir ? new PGlite(dir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Database,
    close: () => client.close(),
    kind: "pglite",
    listen: async (channel, onPayload) => client.listen(channel, onPayload),
  };
}

/**
 * Connects to a Postgres server and applies the migrations under an advisory lock. LISTEN holds a
 * session, so behind a transaction-mode pooler (PgBouncer) it needs a connection of its own:
 * `listenUrl`, a session-mode pooler or the server itself (default: `url`).
 */
export async function openPostgres(url: string, options: { max?: number; listenUrl?: string } = {}): Promise<OpenDatabase> {
  // One connection for the migration, so the advisory lock and the migration share a session.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(migrator, { schema }), { migrationsFolder });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const listener = options.listenUrl && options.listenUrl !== url ? postgres(options.listenUrl, { max: 1, onnotice: () => {} }) : client;
  const db = drizzlePostgres(client, { schema });
  return {
    db: db as unknown as Database,
    close: async () => {
      if (listener !== client) await listener.end({ timeout: 5 });
      await client.end({ timeout: 5 });
    },
    kind: "postgres",
    listen: async (channel, onPayload) => {
      const { unlisten } = await listener.listen(channel, onPayload);
      return unlisten;
    },
  };
}

/**
 * A read replica (a Postgres streaming standby): connected only, never migrated — it replays the
 * primary. Reads that may lag a moment (reports, search, counts) go there; see deskReadProcedure.
 */
export function openReplica(url: string, options: { max?: number } = {}): { db: Database; close: () => Promise<void> } {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  return { db: drizzlePostgres(client, { schema }) as unknown as Database, close: () => client.end({ timeout: 5 }) };
}

const globalForDb = globalThis as unknown as { deskhandDb?: Promise<OpenDatabase>; deskhandReplica?: { db: Database } | null };

/** The read replica of DATABASE_REPLICA_URL, or null: reads then go to the primary. */
export function getReplicaDb(): Database | null {
  if (globalForDb.deskhandReplica === undefined) globalForDb.deskhandReplica = env.DATABASE_REPLICA_URL ? openReplica(env.DATABASE_REPLICA_URL) : null;
  return globalForDb.deskhandReplica?.db ?? null;
}

/** The server's database: Postgres when DATABASE_URL is set, else PGlite under DATA_DIR. */
export function getDatabase(): Promise<OpenDatabase> {
  globalForDb.deskhandDb ??= env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, { listenUrl: env.DATABASE_LISTEN_URL })
    : openPglite(path.join(dataDir, "pgdata"));
  return globalForDb.deskhandDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}
