import type { TenantDb } from "../db/types";
import { savepoint } from "../db/tenant";
import { DeskError } from "../errors";
import { storeUpload } from "../files/service";
import { addWithheld } from "../tickets/customer-message";
import type { Ticket } from "../tickets/schema";
import type { MailAttachment, WithheldPart } from "./parse";

const reasons: Record<string, WithheldPart["reason"]> = {
  "file.blocked": "blocked",
  "file.tooLarge": "tooLarge",
  "file.empty": "empty",
  "file.contentRefused": "contentRefused",
  "file.contentMismatch": "contentMismatch",
};

/**
 * Keeps a mail's attachments on its message, each in its own savepoint: a part the files domain
 * refuses (a blocked name, a type that lies about itself, too large) is listed on the message as
 * withheld, with why, and the rest is kept. Inline images stay in the stored original, from which
 * the HTML view shows them; they are not listed as attachments.
 */
export async function storeMailParts(tx: TenantDb, ticket: Ticket, messageId: string, parts: MailAttachment[]): Promise<void> {
  const withheld: WithheldPart[] = [];
  for (const part of parts) {
    if (part.inline) continue;
    try {
      await savepoint(tx, (attempt) => storeUpload(attempt, { tenantId: ticket.tenantId, membershipId: null }, part, { ticketId: ticket.id, messageId }));
    } catch (error) {
      const reason = error instanceof DeskError ? reasons[error.messageKey] : undefined;
      if (!reason) throw error;
      withheld.push({ fileName: part.fileName, reason });
    }
  }
  await addWithheld(tx, messageId, withheld);
}
