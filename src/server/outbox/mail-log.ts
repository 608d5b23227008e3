import type { MatchedByValue } from "./values";
import { and, eq, isNotNull } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { mailMessages } from "./schema";

/** Ticket message id → the incoming mail it was imported from, for "View original". */
export async function mailOriginalsOfTicket(tx: TenantDb, ticketId: string): Promise<Map<string, { id: string; matchedBy: MatchedByValue | null; spamReason: string | null }>> {
  const rows = await tx
    .select({ id: mailMessages.id, messageId: mailMessages.ticketMessageId, matchedBy: mailMessages.matchedBy, spamReason: mailMessages.spamReason })
    .from(mailMessages)
    .where(and(eq(mailMessages.ticketId, ticketId), eq(mailMessages.direction, "in"), isNotNull(mailMessages.rawKey), isNotNull(mailMessages.ticketMessageId)));
  return new Map(rows.map((r) => [r.messageId!, { id: r.id, matchedBy: r.matchedBy, spamReason: r.spamReason }]));
}

/** An incoming message in the mail log: what became of it, and the ticket and message it joined. */
export async function recordIncomingMail(tx: TenantDb, message: Omit<typeof mailMessages.$inferInsert, "direction">): Promise<void> {
  await tx.insert(mailMessages).values({ ...message, direction: "in" });
}
