import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { v7 as uuidv7 } from "uuid";
import { openPglite, openPostgres, type OpenDatabase } from "@/server/db/client";

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database
 * on the server named by TEST_DATABASE_URL (dropped again on close). This is the one reset.
 */
export async function createTestDatabase(): Promise<OpenDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openPglite(null);
  const name = `deskhand_test_${uuidv7().replaceAll("-", "")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened = await openPostgres(url.toString(), { max: 60 });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Opens a fresh database for the current test file (beforeAll) and closes it afterwards. The
 * returned holder's `db` is valid inside tests and hooks.
 */
export function openTestDatabase(options: { onOpen?: (opened: OpenDatabase) => void } = {}) {
  let opened: OpenDatabase | null = null;
  beforeAll(async () => {
    opened = await createTestDatabase();
    options.onOpen?.(opened);
  });
  afterAll(async () => {
    await opened?.close();
  });
  return {
    get database(): OpenDatabase {
      if (!opened) throw new Error("The test database is open only inside tests and hooks");
      return opened;
    },
    get db() {
      return this.database.db;
    },
  };
}
