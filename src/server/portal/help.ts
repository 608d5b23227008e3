import { eq } from "drizzle-orm";
import type { Database } from "../db/types";
import { withTenant } from "../db/tenant";
import { tenants } from "../desks/schema";
import { DeskError } from "../errors";
import { consumePublicLimits } from "../public/rate-limits";
import { ensureWidget } from "../widget/service";
import { issueCustomerLink } from "./links";
import { mailMagicLink } from "./mail";
import { customerByEmail } from "./service";

/**
 * The desk of a public help center, before any desk scope exists: one row by its unique slug,
 * only its public face. Desks that have not finished setup have no help center yet.
 */
export async function unsafeFindPublicDesk(db: Database, slug: string) {
  const [row] = await db
    .select({ tenantId: tenants.id, slug: tenants.slug, displayName: tenants.displayName, locale: tenants.locale, setupCompletedAt: tenants.setupCompletedAt })
    .from(tenants)
    .where(eq(tenants.slug, slug));
  return row?.setupCompletedAt ? row : null;
}

/** What /help/DESK shows: the desk's name and language, and the widget to submit a request with. */
export async function helpCenterDesk(db: Database, slug: string) {
  const desk = await unsafeFindPublicDesk(db, slug);
  if (!desk) return null;
  const widget = await withTenant(db, desk.tenantId, (tx) => ensureWidget(tx, desk.tenantId));
  return { slug: desk.slug, displayName: desk.displayName, locale: desk.locale, widgetKey: widget.publicKey, color: widget.color };
}

/**
 * "Check my ticket": mails a link to every ticket of this email on the desk. The answer is the
 * same whether or not the email is known, so it cannot be used to learn who wrote to a desk.
 */
export async function requestMagicLink(db: Database, slug: string, input: { email: string; website: string }, meta: { ip: string | null }) {
  const desk = await unsafeFindPublicDesk(db, slug);
  if (!desk) throw new DeskError("NOT_FOUND", "desk.notFound");
  await consumePublicLimits([
    ["linkPerIp", meta.ip],
    ["linkPerEmail", `${desk.tenantId}:${input.email}`],
    ["linkPerDesk", desk.tenantId],
  ]);
  if (input.website.trim()) return { sent: true };
  await withTenant(db, desk.tenantId, async (tx) => {
    const customer = await customerByEmail(tx, input.email);
    if (!customer) return;
    const link = await issueCustomerLink(tx, desk.tenantId, { customerId: customer.id, ticketId: null });
    await mailMagicLink(tx, desk.tenantId, input.email, link.url);
  });
  return { sent: true };
}
