import { sql } from "drizzle-orm";
import type { Database, TenantDb, Transaction } from "../db/types";

/**
 * Narrows an open transaction to one desk: drops to the unprivileged role so row-level security
 * applies, and sets the desk (and the acting person) for this transaction only.
 */
export async function enterTenant(tx: Transaction, tenantId: string, userId?: string | null): Promise<TenantDb> {
  // SET LOCAL, not set_config(): a distributed database (Citus, with citus.propagate_set_commands
  // = 'local') passes SET LOCAL on to the nodes that hold the desk's rows. SET takes no parameters,
  // so the ids are checked to be UUIDs before they are written into the statement.
  if (!UUID.test(tenantId) || (userId && !UUID.test(userId))) throw new Error("A desk scope needs UUIDs.");
  await tx.execute(sql`set local role deskhand_app`);
  await tx.execute(sql.raw(`set local app.tenant_id = '${tenantId}'`));
  await tx.execute(sql.raw(`set local app.user_id = '${userId ?? ""}'`));
  return tx as TenantDb;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
