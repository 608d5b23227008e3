import { sql } from "drizzle-orm";
import type { Database, TenantDb, Transaction } from "../db/types";

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
  options: { userId?: string | null; readOnly?: boolean } = {},
): Promise<T> {
  return db.transaction(async (tx) => fn(await enterTenant(tx, tenantId, options.userId)), options.readOnly ? { accessMode: "read only" } : undefined);
}

/** One desk, entered as often as the work needs (no transaction is held across a network wait). */
export type DeskScope = { tenantId: string; run<T>(fn: (tx: TenantDb) => Promise<T>): Promise<T> };

export function deskScope(db: Database, tenantId: string, userId: string | null = null): DeskScope {
  return { tenantId, run: (fn) => withTenant(db, tenantId, fn, { userId }) };
}
