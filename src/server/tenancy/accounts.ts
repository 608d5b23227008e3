import { and, eq } from "drizzle-orm";
import type { Database, TenantDb, Transaction } from "../db/types";
import { memberships } from "../staff/schema";
import { enterTenant, withTenant } from "./scope";

// Ways in that belong to a person's account rather than to one desk: creating a desk, joining one
// by invitation, and what happens in every desk of theirs at once (a sign-in is logged in each).

/** Sign-up: the transaction that creates a desk continues inside that new desk's scope. */
export function enterNewDesk(tx: Transaction, tenantId: string, ownerUserId: string): Promise<TenantDb> {
  return enterTenant(tx, tenantId, ownerUserId);
}

/** Accepting an invitation: its token has been matched (single use, unexpired) in this transaction. */
export function enterInvitedDesk(tx: Transaction, tenantId: string, userId: string): Promise<TenantDb> {
  return enterTenant(tx, tenantId, userId);
}

/**
 * `fn` in each desk where the person is an active member (their own memberships decide), or only
 * in those they own.
 */
export async function forEachDeskOfMember(db: Database, userId: string, fn: (tx: TenantDb, tenantId: string) => Promise<void>, options: { owned?: boolean } = {}): Promise<void> {
  const desks = await db
    .select({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true), options.owned ? eq(memberships.role, "owner") : undefined));
  for (const { tenantId } of desks) await withTenant(db, tenantId, (tx) => fn(tx, tenantId), { userId });
}
