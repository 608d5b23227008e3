import type { TenantDb } from "./types";

/**
 * A savepoint inside a tenant transaction: a failure in `fn` undoes only its own work, and the
 * savepoint is still inside the same desk's scope (row-level security settings are per transaction).
 */
export function savepoint<T>(tx: TenantDb, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
  return tx.transaction((inner) => fn(inner as TenantDb));
}
