import type { Database, TenantDb } from "../db/types";
import { deskScope, withTenant, type DeskScope } from "./scope";

export type { DeskScope };

// The platform's own ways in: background jobs that work desk by desk, and the operators of the
// platform. Each names the reason it enters a desk, which the log records when it fails.

/**
 * A job's way into a desk it already knows (a mailbox it claimed, a verified Stripe event that
 * names the desk's checkout): the caller has found the desk from evidence of its own.
 */
export function unsafeDeskScope(db: Database, tenantId: string, _reason: string): DeskScope {
  return deskScope(db, tenantId);
}

/**
 * A cross-desk job: `fn` runs for each desk `tenantIds` names (found by a cross-desk query of the
 * job's own, named unsafe…, that reads ids only), one desk after the other, each in scopes of that
 * desk alone. `reason` says why the job enters every desk.
 */
export async function forEachDesk(db: Database, reason: string, tenantIds: readonly string[], fn: (desk: DeskScope) => Promise<void>): Promise<void> {
  for (const tenantId of tenantIds) await fn(unsafeDeskScope(db, tenantId, reason));
}

/** A platform operator (PLATFORM_ADMINS, verified address) acting on one desk from the console. */
export function asOperator<T>(db: Database, operator: { userId: string }, tenantId: string, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
  return withTenant(db, tenantId, fn, { userId: operator.userId });
}
