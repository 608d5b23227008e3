import { eq } from "drizzle-orm";
import { customers } from "../customers/schema";
import type { TenantDb } from "../db/types";
import { tenants } from "../desks/schema";
import { enqueueMail } from "../mail/outbox";
import { mailTranslator } from "../mail/translate";
import { MAGIC_LINK_HOURS } from "./links";

async function deskOf(tx: TenantDb, tenantId: string) {
  const [desk] = await tx.select({ name: tenants.displayName, slug: tenants.slug, locale: tenants.locale }).from(tenants).where(eq(tenants.id, tenantId));
  return desk!;
}

/** The subject tag customers' mail clients thread on: [ACME-1042]. */
export const ticketTag = (slug: string, number: number) => `[${slug.toUpperCase()}-${number}]`;

/** "We got your request": the number and the private link. */
export async function mailTicketReceived(tx: TenantDb, tenantId: string, ticket: { id: string; number: number; subject: string; customerId: string }, linkUrl: string) {
  const desk = await deskOf(tx, tenantId);
  const [customer] = await tx.select({ email: customers.email, name: customers.name }).from(customers).where(eq(customers.id, ticket.customerId));
  const t = await mailTranslator(desk.locale);
  await enqueueMail(tx, tenantId, {
    kind: "ticket.received",
    ticketId: ticket.id,
    to: customer!.email,
    subject: `${ticketTag(desk.slug, ticket.number)} ${t("received.subject", { subject: ticket.subject })}`,
    text: t("received.body", { name: customer!.name || customer!.email, desk: desk.name, number: ticket.number, link: linkUrl }),
  });
}

/** An agent's public reply, with the private link and the "Rate this answer" link. */
export async function mailReply(tx: TenantDb, tenantId: string, reply: { ticketId: string; to: string; number: number; subject: string; body: string; linkUrl: string; messageId: string }) {
  const desk = await deskOf(tx, tenantId);
  const t = await mailTranslator(desk.locale);
  await enqueueMail(tx, tenantId, {
    kind: "ticket.reply",
    ticketId: reply.ticketId,
    to: reply.to,
    subject: `${ticketTag(desk.slug, reply.number)} ${reply.subject}`,
    text: t("reply.body", { body: reply.body, desk: desk.name, link: reply.linkUrl, rate: `${reply.linkUrl}?rate=${reply.messageId}` }),
  });
}

/** "Check my ticket": a link to every ticket of this email on the desk. */
export async function mailMagicLink(tx: TenantDb, tenantId: string, to: string, linkUrl: string) {
  const desk = await deskOf(tx, tenantId);
  const t = await mailTranslator(desk.locale);
  await enqueueMail(tx, tenantId, {
    kind: "portal.link",
    to,
    subject: t("magicLink.subject", { desk: desk.name }),
    text: t("magicLink.body", { desk: desk.name, link: linkUrl, hours: MAGIC_LINK_HOURS }),
  });
}
