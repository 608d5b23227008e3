import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { files, type StoredFile } from "../files/schema";
import { readStoredFile } from "../files/storage";
import type { Actor } from "../kernel/actor";
import { ticketFor } from "./access";

/** A file for download: attached ones follow their ticket's permissions, loose ones their uploader. */
export async function fileForDownload(tx: TenantDb, actor: Actor, fileId: string): Promise<{ file: StoredFile; bytes: Buffer }> {
  const [file] = await tx.select().from(files).where(eq(files.id, fileId));
  if (!file) throw new DeskError("NOT_FOUND", "file.notFound");
  if (file.ticketId) await ticketFor(tx, actor, file.ticketId);
  else if (file.uploadedByMembershipId !== actor.membershipId) throw new DeskError("NOT_FOUND", "file.notFound");
  return { file, bytes: await readStoredFile(file.storageKey) };
}
