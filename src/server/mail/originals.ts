import { and, eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { readStoredFile } from "../files/storage";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { ticketFor } from "../tickets/access";
import { mailFailures } from "./schema";
import { mailMessages } from "../outbox/schema";

export type MailOriginal = { fileName: string; bytes: Uint8Array };

/** The raw message behind a ticket message: for whoever may view that ticket. */
export async function importedOriginal(tx: TenantDb, actor: Actor, id: string): Promise<MailOriginal> {
  const [row] = await tx.select().from(mailMessages).where(and(eq(mailMessages.id, id), eq(mailMessages.direction, "in")));
  if (!row?.rawKey || !row.ticketId) throw new DeskError("NOT_FOUND", "mail.originalNotFound");
  await ticketFor(tx, actor, row.ticketId);
  return { fileName: `message-${row.id}.eml`, bytes: await readStoredFile(row.rawKey) };
}

/** The raw message of Settings → Mail → Failed mail: for those who manage the desk's settings. */
export async function failedOriginal(tx: TenantDb, actor: Actor, id: string): Promise<MailOriginal> {
  if (!can(actor.access, "desk.settings")) throw new DeskError("FORBIDDEN", "permission.denied");
  const [row] = await tx.select().from(mailFailures).where(eq(mailFailures.id, id));
  if (!row) throw new DeskError("NOT_FOUND", "mail.originalNotFound");
  return { fileName: `failed-${row.id}.eml`, bytes: await readStoredFile(row.rawKey) };
}
