import { env } from "@/env";
import { stripeFromEnv } from "@/server/billing/stripe";
import { getDb } from "@/server/db/client";
import { DeskError } from "@/server/errors";
import { route } from "@/server/http/route";
import { applyStripeEvent, verifyWebhook } from "@/server/platform/stripe-events";

export const dynamic = "force-dynamic";

/**
 * Stripe's webhooks: verified by signature over the raw body, applied once per event id. 400 for
 * a bad signature, 503 while payments are not configured, 500 for "send it again later". Events
 * are a few kilobytes; anything over 512 KB is not Stripe's.
 */
export const POST = route({ name: "stripe.webhook", maxBodyBytes: 512 * 1024 }, async (request) => {
  if (!env.STRIPE_WEBHOOK_SECRET) return Response.json({ error: "billing.paymentsNotConfigured" }, { status: 503 });
  const payload = await request.text();
  try {
    const event = verifyWebhook(payload, request.headers.get("stripe-signature"), env.STRIPE_WEBHOOK_SECRET);
    const result = await applyStripeEvent(await getDb(), event, stripeFromEnv());
    if (result.retry) return Response.json({ retry: true }, { status: 500 });
    return Response.json({ received: true, applied: result.applied });
  } catch (error) {
    if (error instanceof DeskError) return Response.json({ error: error.messageKey }, { status: 400 });
    throw error;
  }
});
