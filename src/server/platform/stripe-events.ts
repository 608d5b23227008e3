import { unsafeDeskOfKey } from "../kernel/global-keys";
import { and, eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { billingAccounts, checkoutSessions, ledgerEntries } from "../billing/schema";
import { post } from "../billing/ledger";
import type { Database } from "../db/types";
import { DeskError } from "../errors";
import { log } from "../log";
import { unsafeDeskScope } from "../tenancy/platform";
import { chargeAndRelease } from "../tickets/held";
import { completeCheckout } from "../billing/stripe";

// Stripe's webhooks, an inbound channel like mail: verified by signature, applied once per event
// id, each in the scope of the desk whose checkout or charge it names.

/** Verifies a webhook's signature (refusing anything unsigned or tampered) and returns the event. */
export function verifyWebhook(payload: string, signature: string | null, secret: string): Stripe.Event {
  if (!signature) throw new DeskError("BAD_REQUEST", "billing.webhookSignature");
  try {
    return Stripe.webhooks.constructEvent(payload, signature, secret);
  } catch (error) {
    throw new DeskError("BAD_REQUEST", "billing.webhookSignature", { cause: error });
  }
}

// These run before a desk scope exists: they read one row across desks by a Stripe id that is
// unique platform-wide, which is what decides the desk whose scope to open.
async function unsafeFindCheckout(db: Database, stripeSessionId: string) {
  const deskId = await unsafeDeskOfKey(db, "stripe_checkout", stripeSessionId);
  if (!deskId) return null;
  const [row] = await db
    .select({ tenantId: checkoutSessions.tenantId, amount: checkoutSessions.amount })
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.tenantId, deskId), eq(checkoutSessions.stripeSessionId, stripeSessionId)));
  return row ?? null;
}
async function unsafeFindTopUpDesk(db: Database, paymentIntent: string) {
  const deskId = await unsafeDeskOfKey(db, "stripe_topup", paymentIntent);
  return deskId ? { tenantId: deskId } : null;
}


/**
 * The receipt Stripe made for a payment (its charge's receipt page), for the ledger. Asked before
 * the transaction; a Stripe hiccup only leaves the link out, never the money.
 */
async function receiptOf(stripe: Stripe | null, paymentIntent: string | null): Promise<string | null> {
  if (!stripe || !paymentIntent) return null;
  try {
    const intent = await stripe.paymentIntents.retrieve(paymentIntent, { expand: ["latest_charge"] });
    return typeof intent.latest_charge === "object" && intent.latest_charge ? (intent.latest_charge.receipt_url ?? null) : null;
  } catch (error) {
    log.warn({ err: error, paymentIntent }, "Stripe receipt lookup failed");
    return null;
  }
}

/**
 * Applies a verified Stripe event exactly once: every ledger entry carries the event id (unique),
 * a top-up is also unique per payment intent, so a replay changes nothing. An event that arrives
 * before what it depends on (a refund before its payment is known) is answered "retry later"
 * (`retry: true`), and Stripe sends it again.
 */
export async function applyStripeEvent(db: Database, event: Stripe.Event, stripe: Stripe | null = null): Promise<{ applied: boolean; retry?: boolean }> {
  if (event.type === "checkout.session.completed") {
    const session = event.data.object;
    if (session.payment_status !== "paid") return { applied: false };
    const known = await unsafeFindCheckout(db, session.id);
    if (!known) return { applied: false };
    const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
    const receiptUrl = await receiptOf(stripe, paymentIntent);
    return unsafeDeskScope(db, known.tenantId, "a verified Stripe event about a checkout this desk started").run(async (tx) => {
      const done = await post(tx, known.tenantId, {
        kind: "topup",
        amount: session.amount_total ?? known.amount,
        description: "Top-up (Stripe)",
        stripeEventId: event.id,
        stripePaymentIntent: paymentIntent,
        stripeReceiptUrl: receiptUrl,
        details: { checkoutSession: session.id },
      });
      await completeCheckout(tx, session.id);
      // Money arrived: pay the due days, resume the desk and release its held tickets.
      if (done) await chargeAndRelease(tx, known.tenantId);
      return { applied: done !== null };
    });
  }
  if (event.type === "charge.refunded") {
    const charge = event.data.object;
    const paymentIntent = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
    if (!paymentIntent) return { applied: false };
    const topUp = await unsafeFindTopUpDesk(db, paymentIntent);
    if (!topUp) return { applied: false, retry: true };
    return unsafeDeskScope(db, topUp.tenantId, "a verified Stripe refund of this desk's top-up").run(async (tx) => {
      // The account row first: two refunds of one charge arriving together are booked one after the other.
      await tx.select({ tenantId: billingAccounts.tenantId }).from(billingAccounts).where(eq(billingAccounts.tenantId, topUp.tenantId)).for("update");
      // Refunds are cumulative on the charge: take what this event adds to the ones already booked.
      const [booked] = await tx
        .select({ total: sql<number>`coalesce(-sum(${ledgerEntries.amount}), 0)::bigint` })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.kind, "refund"), sql`${ledgerEntries.details}->>'paymentIntent' = ${paymentIntent}`));
      const [account] = await tx.select({ balance: billingAccounts.balance }).from(billingAccounts).where(eq(billingAccounts.tenantId, topUp.tenantId));
      const owed = charge.amount_refunded - Number(booked?.total ?? 0);
      if (owed <= 0) return { applied: false };
      // Money already spent on service cannot be taken back below zero: the rest is noted.
      const amount = Math.min(owed, Number(account?.balance ?? 0));
      const done = await post(tx, topUp.tenantId, {
        kind: "refund",
        amount: -amount,
        description: "Refund (Stripe)",
        stripeEventId: event.id,
        stripeReceiptUrl: charge.receipt_url ?? null,
        details: { paymentIntent, refunded: owed, uncovered: owed - amount },
      });
      return { applied: done !== null };
    });
  }
  return { applied: false };
}
