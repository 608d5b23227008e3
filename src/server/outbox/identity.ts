import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { env } from "@/env";
import { authSecret } from "../kernel/secret";
import type { TenantDb } from "../db/types";
import { getDesk } from "../kernel/desk";
import { mailSettings } from "../mail/schema";
import { ticketFollowers, type Ticket } from "../tickets/schema";
import { mailTranslator } from "./translate";

// Who the desk's mail comes from, and where replies go. With INBOUND_MAIL_DOMAIN every desk sends
// as "Acme Support" <acme@domain> and each ticket gets its own reply address
// <acme+t1042-k3j5…@domain>: a reply finds its ticket even when the mail client drops the
// threading headers, and the token (a MAC over the desk and the ticket) cannot be guessed or used
// for another desk's ticket.

/** The platform's own sender (MAIL_FROM) as an address and a name. */
export function platformSender(): { name: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(env.MAIL_FROM);
  return match ? { name: match[1]!.trim(), address: match[2]!.trim() } : { name: "", address: env.MAIL_FROM.trim() };
}

/** The desk's address at the platform's mail domain, when one is configured. */
export const deskAddress = (slug: string) => (env.INBOUND_MAIL_DOMAIN ? `${slug}@${env.INBOUND_MAIL_DOMAIN.toLowerCase()}` : null);

const tokenKey = () => Buffer.from(crypto.hkdfSync("sha256", authSecret(), "deskhand", "reply-address", 32));

/** Ten base32 letters of a MAC over the desk and the ticket (50 bits: not guessable). */
function replyMac(tenantId: string, ticketId: string): string {
  const digest = crypto.createHmac("sha256", tokenKey()).update(`${tenantId}:${ticketId}`).digest();
  let bits = "";
  for (const byte of digest.subarray(0, 7)) bits += byte.toString(2).padStart(8, "0");
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return Array.from({ length: 10 }, (_, i) => alphabet[parseInt(bits.slice(i * 5, i * 5 + 5), 2)]).join("");
}

/** An address at the platform's mail domain: some desk's own address or a ticket's reply address. */
export function atPlatformDomain(address: string): boolean {
  const domain = env.INBOUND_MAIL_DOMAIN?.toLowerCase();
  return Boolean(domain && address.toLowerCase().endsWith(`@${domain}`));
}

/** The ticket's own reply address, or null without INBOUND_MAIL_DOMAIN. */
export function replyAddress(desk: { id: string; slug: string }, ticket: Pick<Ticket, "id" | "number">): string | null {
  if (!env.INBOUND_MAIL_DOMAIN) return null;
  return `${desk.slug}+t${ticket.number}-${replyMac(desk.id, ticket.id)}@${env.INBOUND_MAIL_DOMAIN.toLowerCase()}`;
}

/** What the local part of an address at our domain names: a desk, and maybe a ticket's token. */
export function readLocalPart(local: string): { slug: string; ticketNumber: number | null; mac: string | null } | null {
  const match = /^([a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9])(?:\+t(\d{1,9})-([a-z2-7]{10}))?$/i.exec(local.trim());
  if (!match) return null;
  return { slug: match[1]!.toLowerCase(), ticketNumber: match[2] ? Number(match[2]) : null, mac: match[3]?.toLowerCase() ?? null };
}

/** Whether a reply address's token belongs to this very ticket of this desk. */
export function replyTokenValid(tenantId: string, ticketId: string, mac: string): boolean {
  const expected = Buffer.from(replyMac(tenantId, ticketId));
  const given = Buffer.from(mac.toLowerCase());
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export type MailIdentity = { fromName: string; fromAddress: string; replyTo: string | null; cc: string[] };

/**
 * How a desk's mail is addressed: from the desk's own proven address (support@acme.com) when it
 * has one, else its address at the platform's domain, else the platform's sender; under the
 * desk's sender name; replies to the ticket's reply address; followers in Cc on public replies.
 */
export async function deskIdentity(tx: TenantDb, ticket: Pick<Ticket, "id" | "number"> | null, options: { withFollowers?: boolean } = {}): Promise<MailIdentity> {
  const desk = await getDesk(tx);
  const [settings] = await tx.select().from(mailSettings).where(eq(mailSettings.tenantId, desk.id));
  const t = await mailTranslator(desk.locale);
  const fromName = settings?.senderName || t("senderName", { desk: desk.displayName });
  const own = settings?.sendingAddress && settings.sendingAddressVerifiedAt ? settings.sendingAddress : null;
  const fromAddress = own ?? deskAddress(desk.slug) ?? platformSender().address;
  const replyTo = ticket ? replyAddress(desk, ticket) : null;
  const cc = ticket && options.withFollowers ? (await tx.select({ email: ticketFollowers.email }).from(ticketFollowers).where(and(eq(ticketFollowers.ticketId, ticket.id)))).map((f) => f.email) : [];
  return { fromName, fromAddress, replyTo, cc };
}
