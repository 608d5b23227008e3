import { eq, sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import type { Actor } from "../kernel/actor";
import { DeskError } from "../errors";
import { recordEvent } from "../kernel/events";
import { addStopListEntry } from "../stoplist/service";
import { releaseTicket, trashTicket } from "../tickets/actions";
import { ticketFor } from "../tickets/access";
import { customers } from "../customers/schema";
import { mailSettings } from "./schema";
import type { IncomingMail } from "./parse";

/** SPF, DKIM and DMARC of a message, as the platform's receiving SMTP server checked them. */
export type AuthResults = { spf: string; dkim: string; dmarc: string };

/**
 * Why a message is held as possible spam, or null: it fails DMARC (checked by our own SMTP server),
 * or the server that received it first (forwarded and IMAP mail) marked it as spam. A sender an
 * agent marked "not spam" is trusted from then on.
 */
export function spamReason(mail: Pick<IncomingMail, "from" | "spamVerdict">, auth: AuthResults | null | undefined, trustedSenders: string[]): string | null {
  if (trustedSenders.includes(mail.from.toLowerCase())) return null;
  if (auth?.dmarc === "fail") return "DMARC: fail";
  return mail.spamVerdict;
}

async function senderOf(tx: TenantDb, customerId: string): Promise<string> {
  const [customer] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, customerId));
  return customer!.email.toLowerCase();
}

/** Possible spam → "Not spam": the ticket joins the queues and its sender is trusted from now on. */
export async function markNotSpam(tx: TenantDb, actor: Actor, ticketId: string): Promise<void> {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.manage");
  const sender = await senderOf(tx, ticket.customerId);
  await releaseTicket(tx, actor, ticket.id);
  await tx
    .update(mailSettings)
    .set({ trustedSenders: sql`(select array_agg(distinct s) from unnest(array_append(${mailSettings.trustedSenders}, ${sender}::text)) s)` })
    .where(eq(mailSettings.tenantId, actor.tenantId));
  await recordEvent(tx, actor, { action: "mail.senderTrusted", objectType: "ticket", objectId: ticket.id, summary: { number: ticket.number, email: sender } });
}

/** Possible spam → "Spam": the sender goes on the stop-list and the ticket to the trash. */
export async function markSpam(tx: TenantDb, actor: Actor, ticketId: string): Promise<void> {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.manage");
  const sender = await senderOf(tx, ticket.customerId);
  try {
    await addStopListEntry(tx, actor, { kind: "email", value: sender });
  } catch (error) {
    // Already on the stop-list: nothing more to add.
    if (!(error instanceof DeskError && error.code === "CONFLICT")) throw error;
  }
  await trashTicket(tx, actor, ticket.id, true);
}
