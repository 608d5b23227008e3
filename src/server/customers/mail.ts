import { ticketTagText } from "@/lib/ticket-tag";
import { eq } from "drizzle-orm";
import { customers } from "./schema";
import type { TenantDb } from "../db/types";
import { tenants } from "../kernel/schema";
import { enqueueMail } from "../outbox/outbox";
import { renderMailTemplate } from "../outbox/templates";
import { type TemplateKind } from "../outbox/values";
import { consumeLimits } from "../kernel/limits";
import { mailTranslator } from "../outbox/translate";

async function deskOf(tx: TenantDb, tenantId: string) {
  const [desk] = await tx.select({ name: tenants.displayName, slug: tenants.slug, locale: tenants.locale }).from(tenants).where(eq(tenants.id, tenantId));
  return desk!;
}

/** A customer mail about a ticket, in the desk's wording (Settings → Mail templates) and language. */
async function mailAboutTicket(
  tx: TenantDb,
  tenantId: string,
  kind: TemplateKind,
  ticket: { id: string; number: number; subject: string; customerId: string },
  extra: Record<string, string>,
) {
  const desk = await deskOf(tx, tenantId);
  const [customer] = await tx.select({ email: customers.email, name: customers.name }).from(customers).where(eq(customers.id, ticket.customerId));
  const mail = await renderMailTemplate(tx, kind, desk.locale, {
    "customer.name": customer!.name || customer!.email,
    "desk.name": desk.name,
    "ticket.number": String(ticket.number),
    "ticket.subject": ticket.subject,
    "ticket.tag": ticketTagText(desk.slug, ticket.number),
    ...extra,
  });
  await enqueueMail(tx, tenantId, { kind, ticketId: ticket.id, to: customer!.email, subject: mail.subject, text: mail.text, html: mail.html, withFollowers: kind !== "ticket.received" });
}

/**
 * A subject a stranger typed, made safe to mail to whatever address they typed: control characters
 * and line breaks gone, and nothing a mail client would turn into a link (addresses and domains
 * are replaced), so the desk cannot be used to send someone a clickable phishing line.
 */
export function neutralSubject(subject: string): string {
  return subject
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/gi, "[…]")
    .replace(/\S+@\S+/g, "[…]")
    .replace(/\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b\S*/gi, "[…]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}

/**
 * "We got your request": the number and the private link. It goes to an address someone typed, so
 * it carries none of their words but the neutralised subject (not even the name they typed), and
 * one address gets at most three a day from a desk.
 */
export async function mailTicketReceived(tx: TenantDb, tenantId: string, ticket: { id: string; number: number; subject: string; customerId: string }, linkUrl: string) {
  const [customer] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, ticket.customerId));
  try {
    await consumeLimits(tx, [["acknowledgementsPerAddress", `${tenantId}:${customer!.email.toLowerCase()}`]]);
  } catch {
    return;
  }
  const desk = await deskOf(tx, tenantId);
  const t = await mailTranslator(desk.locale);
  await mailAboutTicket(tx, tenantId, "ticket.received", { ...ticket, subject: neutralSubject(ticket.subject) }, { "ticket.link": linkUrl, "customer.name": t("anonymousCustomer") });
}

/** An agent's public reply, with the private link and the "Rate this answer" link. */
export async function mailReply(tx: TenantDb, tenantId: string, reply: { ticket: { id: string; number: number; subject: string; customerId: string }; body: string; linkUrl: string; messageId: string }) {
  await mailAboutTicket(tx, tenantId, "ticket.reply", reply.ticket, { "reply.body": reply.body, "ticket.link": reply.linkUrl, "rate.link": `${reply.linkUrl}?rate=${reply.messageId}` });
}

/** The ticket is solved: say so, with the link to reopen it by replying. */
export async function mailTicketSolved(tx: TenantDb, tenantId: string, ticket: { id: string; number: number; subject: string; customerId: string }, linkUrl: string) {
  await mailAboutTicket(tx, tenantId, "ticket.solved", ticket, { "ticket.link": linkUrl });
}

/** "Check my ticket": a link to every ticket of this email on the desk. */
export async function mailMagicLink(tx: TenantDb, tenantId: string, to: string, linkUrl: string) {
  const desk = await deskOf(tx, tenantId);
  const mail = await renderMailTemplate(tx, "portal.link", desk.locale, { "desk.name": desk.name, "portal.link": linkUrl });
  await enqueueMail(tx, tenantId, { kind: "portal.link", to, subject: mail.subject, text: mail.text, html: mail.html });
}
