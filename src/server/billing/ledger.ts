import { claimGlobalKey } from "../kernel/global-keys";
import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { billingAccounts, ledgerEntries, platformSettings } from "./schema";
import { type LedgerKind } from "./values";

export type Posting = {
  kind: LedgerKind;
  /** Minor units: positive credits the balance, negative debits it. */
  amount: number;
  description: string;
  day?: string | null;
  stripeEventId?: string | null;
  stripePaymentIntent?: string | null;
  stripeReceiptUrl?: string | null;
  details?: Record<string, unknown>;
  createdByUserId?: string | null;
};

/**
 * Posts one entry. The desk's account row is locked first, so postings of one desk happen one at
 * a time: the entry records the balance after it, a debit never takes the balance below zero (the
 * CHECK is the last line), and the ledger's unique keys (one charge per day, one entry per Stripe
 * event) make a repeat a no-op — then nothing moves and null is returned.
 */
export async function post(tx: TenantDb, tenantId: string, posting: Posting) {
  const [account] = await tx.select({ balance: billingAccounts.balance }).from(billingAccounts).where(eq(billingAccounts.tenantId, tenantId)).for("update");
  if (!account) throw new DeskError("NOT_FOUND", "billing.noAccount");
  const balance = account.balance + posting.amount;
  if (balance < 0) throw new DeskError("CONFLICT", "billing.insufficientBalance");
  // Stripe's ids are booked once platform-wide (the directory), whichever desk a replay names.
  if (posting.stripeEventId && !(await claimGlobalKey(tx, "stripe_event", posting.stripeEventId, tenantId))) return null;
  if (posting.kind === "topup" && posting.stripePaymentIntent && !(await claimGlobalKey(tx, "stripe_topup", posting.stripePaymentIntent, tenantId))) return null;
  const inserted = await tx
    .insert(ledgerEntries)
    .values({
      tenantId,
      kind: posting.kind,
      amount: posting.amount,
      balanceAfter: balance,
      day: posting.day ?? null,
      description: posting.description,
      stripeEventId: posting.stripeEventId ?? null,
      stripePaymentIntent: posting.stripePaymentIntent ?? null,
      stripeReceiptUrl: posting.stripeReceiptUrl ?? null,
      details: posting.details ?? {},
      createdByUserId: posting.createdByUserId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  if (!inserted.length) return null;
  await tx.update(billingAccounts).set({ balance }).where(eq(billingAccounts.tenantId, tenantId));
  return { id: inserted[0]!.id, balance };
}

export async function platformSetting(tx: TenantDb, key: "trial_credit" | "topup_min" | "topup_max", fallback: number): Promise<number> {
  const [row] = await tx.select({ value: platformSettings.value }).from(platformSettings).where(eq(platformSettings.key, key));
  return typeof row?.value === "number" ? row.value : fallback;
}
