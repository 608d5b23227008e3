import { claimGlobalKey } from "../kernel/global-keys";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { baseUrl, env } from "@/env";
import type { TenantDb } from "../db/types";
import { tenants } from "../kernel/schema";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { platformSetting } from "./ledger";
import { checkoutSessions } from "./schema";
import { recordEvent } from "../kernel/events";

/** The Stripe client from the environment; null when payments are not configured. */
export function stripeFromEnv(): Stripe | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  const api = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  return new Stripe(env.STRIPE_SECRET_KEY, api ? { host: api.hostname, port: Number(api.port), protocol: api.protocol.replace(":", "") as "http" | "https" } : {});
}

/**
 * Starts a top-up: a Stripe Checkout session for the amount, recorded against this desk (the
 * webhook finds the desk by the session id here, never by metadata alone). Returns Stripe's page.
 */
export async function startTopUp(tx: TenantDb, actor: Actor, amount: number, stripe: Stripe | null) {
  if (!can(actor.access, "desk.billing")) throw new DeskError("FORBIDDEN", "permission.denied");
  if (!stripe) throw new DeskError("BAD_REQUEST", "billing.paymentsNotConfigured");
  const [min, max] = [await platformSetting(tx, "topup_min", 500), await platformSetting(tx, "topup_max", 100_000)];
  if (!Number.isInteger(amount) || amount < min || amount > max) {
    throw new DeskError("BAD_REQUEST", "billing.topUpRange", { params: { min: min / 100, max: max / 100 }, fields: { amount: "billing.topUpRange" } });
  }
  const [desk] = await tx.select({ slug: tenants.slug, name: tenants.displayName }).from(tenants).where(eq(tenants.id, actor.tenantId));
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: env.BILLING_CURRENCY, unit_amount: amount, product_data: { name: `Deskhand balance: ${desk!.name}` } } }],
    client_reference_id: actor.tenantId,
    metadata: { tenantId: actor.tenantId },
    payment_intent_data: { metadata: { tenantId: actor.tenantId } },
    success_url: `${baseUrl}/d/${desk!.slug}/billing?topup=success`,
    cancel_url: `${baseUrl}/d/${desk!.slug}/billing?topup=cancelled`,
  });
  await claimGlobalKey(tx, "stripe_checkout", session.id, actor.tenantId);
  await tx.insert(checkoutSessions).values({ tenantId: actor.tenantId, stripeSessionId: session.id, amount, createdByUserId: actor.userId });
  await recordEvent(tx, actor, { action: "billing.topUpStarted", objectType: "desk", objectId: actor.tenantId, summary: { amount } });
  if (!session.url) throw new DeskError("BAD_REQUEST", "billing.paymentsNotConfigured");
  return { url: session.url };
}

/** The checkout whose payment arrived: done, so the billing page stops waiting for it. */
export async function completeCheckout(tx: TenantDb, stripeSessionId: string): Promise<void> {
  await tx.update(checkoutSessions).set({ status: "completed" }).where(eq(checkoutSessions.stripeSessionId, stripeSessionId));
}
