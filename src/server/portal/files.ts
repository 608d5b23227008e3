import { and, eq, ne } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { files } from "../files/schema";
import { readStoredFile } from "../files/storage";
import { ticketMessages, tickets } from "../tickets/schema";
import { type ResolvedLink } from "../tenancy/public";

/** A file on a public message of one of the link's tickets; null for anything else (notes included). */
export async function fileForCustomer(tx: TenantDb, link: ResolvedLink, fileId: string) {
  const [file] = await tx
    .select({ file: files })
    .from(files)
    .innerJoin(ticketMessages, eq(ticketMessages.id, files.messageId))
    .innerJoin(tickets, eq(tickets.id, files.ticketId))
    .where(
      and(
        eq(files.id, fileId),
        ne(ticketMessages.kind, "note"),
        eq(tickets.customerId, link.customerId),
        link.ticketId ? eq(tickets.id, link.ticketId) : undefined,
      ),
    );
  if (!file) return null;
  return { file: file.file, bytes: await readStoredFile(file.file.storageKey) };
}
