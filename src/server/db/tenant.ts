import { sql } from "drizzle-orm";
import type { Database, TenantDb, Transaction } from "./types";

/**
 * Narrows an open transaction to one desk: drops to the unprivileged role so row-level security
 * applies, and sets the desk (and the acting person) for this transaction only.
 */
export async function enterTenant(tx: Transaction, tenantId: string, userId?: string | null): Promise<TenantDb> {
  await tx.execute(sql`set local role deskhand_app`);
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${userId ?? ""}, true)`);
  return tx as TenantDb;
}

/** The one door to desk data: runs fn in a transaction that can see only this desk. */
export function withTenant<T>(
  db: Database,
  tenantId: string,
  fn: (tx: TenantDb) => Promise<T>,
  options: { userId?: string | null } = {},
): Promise<T> {
  return db.transaction(async (tx) => fn(await enterTenant(tx, tenantId, options.userId)));
}

/**
 * A savepoint inside a tenant transaction: a failure in `fn` undoes only its own work, and the
 * savepoint is still inside the same desk's scope (row-level security settings are per transaction).
 */
export function savepoint<T>(tx: TenantDb, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
  return tx.transaction((inner) => fn(inner as TenantDb));
}
