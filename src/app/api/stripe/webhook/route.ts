import { env } from "@/env";
import { applyStripeEvent, stripeFromEnv, verifyWebhook } from "@/server/billing/stripe";
import { getDb } from "@/server/db/client";
import { DeskError } from "@/server/errors";
import { log } from "@/server/log";

export const dynamic = "force-dynamic";

/**
 * Stripe's webhooks: verified by signature over the raw body, applied once per event id. 400 for
 * a bad signature, 503 while payments are not configured, 500 for "send it again later".
 */
export async function POST(request: Request) {
  if (!env.STRIPE_WEBHOOK_SECRET) return Response.json({ error: "billing.paymentsNotConfigured" }, { status: 503 });
  const payload = await request.text();
  try {
    const event = verifyWebhook(payload, request.headers.get("stripe-signature"), env.STRIPE_WEBHOOK_SECRET);
    const result = await applyStripeEvent(await getDb(), event, stripeFromEnv());
    if (result.retry) return Response.json({ retry: true }, { status: 500 });
    return Response.json({ received: true, applied: result.applied });
  } catch (error) {
    if (error instanceof DeskError) return Response.json({ error: error.messageKey }, { status: 400 });
    log.error({ err: error }, "stripe webhook failed");
    return Response.json({ error: "failed" }, { status: 500 });
  }
}
