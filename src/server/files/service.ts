import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { env } from "@/env";
import { isBlockedFileName, normaliseFileName } from "@/lib/file-names";
import { newId } from "../db/columns";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { inspectUpload } from "./content";
import { files, type StoredFile } from "./schema";
import { deleteStoredFile, writeStoredFile } from "./storage";

export const maxUploadBytes = () => env.MAX_UPLOAD_MB * 1024 * 1024;

export type Upload = { fileName: string; contentType: string; bytes: Uint8Array };

/**
 * Stores an upload under the name and type its content shows (inspectUpload: pages and programs
 * are refused, a mislabelled file gets its real extension). A staff member's upload is not yet
 * attached to anything (they attach it when they send); a customer's (no membership) is stored
 * with the message it came with.
 */
export async function storeUpload(
  tx: TenantDb,
  actor: { tenantId: string; membershipId: string | null },
  upload: Upload,
  attachTo?: { ticketId: string; messageId: string },
): Promise<Pick<StoredFile, "id" | "fileName" | "contentType" | "size">> {
  const fileName = normaliseFileName(upload.fileName);
  if (isBlockedFileName(fileName)) throw new DeskError("BAD_REQUEST", "file.blocked", { params: { name: fileName } });
  if (upload.bytes.byteLength > maxUploadBytes()) throw new DeskError("BAD_REQUEST", "file.tooLarge", { params: { mb: env.MAX_UPLOAD_MB } });
  if (upload.bytes.byteLength === 0) throw new DeskError("BAD_REQUEST", "file.empty");
  const inspected = await inspectUpload(fileName, upload.contentType, upload.bytes);
  const id = newId();
  const storageKey = `${actor.tenantId}/${id}`;
  await writeStoredFile(storageKey, upload.bytes);
  try {
    const [row] = await tx
      .insert(files)
      .values({
        tenantId: actor.tenantId,
        id,
        // The type is recorded, never served: files always go out as opaque downloads.
        fileName: inspected.fileName,
        contentType: inspected.contentType,
        size: upload.bytes.byteLength,
        storageKey,
        uploadedByMembershipId: actor.membershipId,
        ticketId: attachTo?.ticketId ?? null,
        messageId: attachTo?.messageId ?? null,
      })
      .returning({ id: files.id, fileName: files.fileName, contentType: files.contentType, size: files.size });
    return row!;
  } catch (error) {
    await deleteStoredFile(storageKey);
    throw error;
  }
}

/** Ties the caller's own unattached uploads to a message of a ticket. */
export async function attachFiles(tx: TenantDb, actor: Actor, fileIds: string[], ticketId: string, messageId: string): Promise<void> {
  if (fileIds.length === 0) return;
  const attached = await tx
    .update(files)
    .set({ ticketId, messageId })
    .where(and(inArray(files.id, fileIds), eq(files.uploadedByMembershipId, actor.membershipId), isNull(files.messageId)))
    .returning({ id: files.id });
  if (attached.length !== new Set(fileIds).size) throw new DeskError("BAD_REQUEST", "file.notFound");
}

export async function filesOfTicket(tx: TenantDb, ticketId: string) {
  return tx
    .select({ id: files.id, messageId: files.messageId, fileName: files.fileName, contentType: files.contentType, size: files.size })
    .from(files)
    .where(eq(files.ticketId, ticketId));
}

/**
 * Images an article's body shows become the article's (and public with it): the editor's own
 * uploads, or images the article already had; never a ticket's attachment or another article's.
 */
export async function claimArticleImages(tx: TenantDb, actor: Actor, articleId: string, fileIds: string[]): Promise<void> {
  await tx
    .update(files)
    .set({ articleId })
    .where(and(inArray(files.id, fileIds), isNull(files.ticketId), or(isNull(files.articleId), eq(files.articleId, articleId)), or(eq(files.uploadedByMembershipId, actor.membershipId), eq(files.articleId, articleId))));
}

/** A deleted article's images are no longer public. */
export async function releaseArticleImages(tx: TenantDb, articleId: string): Promise<void> {
  await tx.update(files).set({ articleId: null }).where(eq(files.articleId, articleId));
}
