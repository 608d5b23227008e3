import { and, eq } from "drizzle-orm";
import type { Database, TenantDb } from "../db/types";
import { globalKeys, type GlobalKeyKind } from "./schema";

// Keys unique across desks live in one directory (global_keys) instead of unique indexes on the
// desks' own tables, which a database distributed by desk (Citus) can enforce only per desk.
// Inside a desk's scope a desk adds and removes only its own keys (row-level security).

/**
 * Takes a key for the desk in the caller's transaction. False when another desk (or this one)
 * already holds it: the caller answers "taken" or, for idempotency keys, "already done".
 */
export async function claimGlobalKey(tx: TenantDb | Database, kind: GlobalKeyKind, key: string, deskId: string): Promise<boolean> {
  const claimed = await tx.insert(globalKeys).values({ kind, key, deskId }).onConflictDoNothing().returning({ key: globalKeys.key });
  return claimed.length > 0;
}

/** Gives a key back (a rotated token, a used link). */
export async function releaseGlobalKey(tx: TenantDb | Database, kind: GlobalKeyKind, key: string): Promise<void> {
  await tx.delete(globalKeys).where(and(eq(globalKeys.kind, kind), eq(globalKeys.key, key)));
}

/** The desk holding a key, before any desk scope exists: one row of the directory. */
export async function unsafeDeskOfKey(db: Database, kind: GlobalKeyKind, key: string): Promise<string | null> {
  const [row] = await db.select({ deskId: globalKeys.deskId }).from(globalKeys).where(and(eq(globalKeys.kind, kind), eq(globalKeys.key, key)));
  return row?.deskId ?? null;
}
