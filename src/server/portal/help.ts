import { viaHelpCentre } from "../tenancy/public";
import type { Database } from "../db/types";
import { DeskError } from "../errors";
import { consumeLimits } from "../kernel/limits";
import { ensureWidget } from "../widget/service";
import { issueCustomerLink } from "../customers/links";
import { mailMagicLink } from "../customers/mail";
import { customerByEmail } from "./service";

/** What /help/DESK shows: the desk's name and language, and the widget to submit a request with. */
export async function helpCenterDesk(db: Database, slug: string) {
  return viaHelpCentre(db, slug, async (tx, desk) => {
    const widget = await ensureWidget(tx, desk.tenantId);
    return { slug: desk.slug, displayName: desk.displayName, locale: desk.locale, widgetKey: widget.publicKey, color: widget.color };
  });
}

/**
 * "Check my ticket": mails a link to every ticket of this email on the desk. The answer is the
 * same whether or not the email is known, so it cannot be used to learn who wrote to a desk.
 */
export async function requestMagicLink(db: Database, slug: string, input: { email: string; website: string }, meta: { ip: string | null }) {
  const sent = await viaHelpCentre(db, slug, async (tx, desk) => {
    await consumeLimits(tx, [
      ["linkPerIp", meta.ip],
      ["linkPerEmail", `${desk.tenantId}:${input.email}`],
      ["linkPerDesk", desk.tenantId],
    ]);
    // The honeypot filled in: the same answer, and nothing sent.
    if (input.website.trim()) return { sent: true };
    const customer = await customerByEmail(tx, input.email);
    if (customer) {
      const link = await issueCustomerLink(tx, desk.tenantId, { customerId: customer.id, ticketId: null });
      await mailMagicLink(tx, desk.tenantId, input.email, link.url);
    }
    return { sent: true };
  });
  if (!sent) throw new DeskError("NOT_FOUND", "desk.notFound");
  return sent;
}
