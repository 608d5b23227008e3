import { and, eq, isNull } from "drizzle-orm";
import { newId } from "../db/columns";
import type { Database, TenantDb } from "../db/types";
import { savepoint } from "../db/tenant";
import { readStoredFile, writeStoredFile } from "../files/storage";
import { DeskError, uniqueViolation } from "../errors";
import { mailboxes, mailFailures } from "./schema";
import { unsafeDeskScope, type DeskScope } from "../tenancy/platform";
import { type MailOutcome } from "../outbox/values";
import { importParsed } from "./import-message";
import type { AuthResults } from "./spam";

/**
 * The one way raw mail enters a desk — the forwarding route, IMAP mailboxes and the platform's SMTP
 * server all come here. The raw message is stored first; what it becomes is decided in
 * import-message.ts; any failure leaves it in Failed mail with the error, to retry.
 */
export type ImportOptions = {
  /** The envelope recipients (RCPT TO) when the platform's own SMTP server took the message. */
  recipients?: string[];
  /** SPF, DKIM and DMARC as the platform's SMTP server checked them (mailauth). */
  authResults?: AuthResults | null;
  /** Where new tickets go (a mailbox's department); else the desk's default for mail. */
  departmentId?: string | null;
  /** The mailbox it came from, kept with a failure so a retry goes the same way. */
  mailboxId?: string | null;
  /** Runs in the transaction of the import, or of the failure record: how IMAP moves past a UID exactly once. */
  afterImport?: (tx: TenantDb) => Promise<void>;
};
type ImportResult = { outcome: MailOutcome | "failed"; ticketNumber?: number };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** The largest message taken in, by the forwarding address and from mailboxes alike. */
export const MAX_MAIL_BYTES = 30 * 1024 * 1024;

/** Imports one raw message into a desk whose address or mailbox it came to. */
export function importMail(db: Database, tenantId: string, raw: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  return importInto(unsafeDeskScope(db, tenantId, "mail that came to the desk's address or mailbox"), raw, options);
}

export async function importInto(desk: DeskScope, raw: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  const { tenantId } = desk;
  const rawKey = `${tenantId}/${newId()}`; // the raw .eml, in the same storage as attachments
  await writeStoredFile(rawKey, new Uint8Array(raw));
  try {
    return await desk.run(async (tx) => {
      const result = await importParsed(tx, tenantId, raw, rawKey, options);
      await options.afterImport?.(tx);
      return result;
    });
  } catch (error) {
    // The same message imported at the same moment by another path (two instances): a duplicate, not a failure.
    if (uniqueViolation(error)?.constraint === "mail_messages_message_id_key") {
      await desk.run(async (tx) => options.afterImport?.(tx));
      return { outcome: "duplicate" };
    }
    await keepFailure(desk, rawKey, errorText(error), options);
    return { outcome: "failed" };
  }
}

/** Keeps a message that will not be imported (too large, say) in Failed mail, with what there is of it. */
export async function recordFailedMail(desk: DeskScope, raw: Buffer, error: string, options: ImportOptions = {}): Promise<ImportResult> {
  const rawKey = `${desk.tenantId}/${newId()}`;
  await writeStoredFile(rawKey, new Uint8Array(raw));
  await keepFailure(desk, rawKey, error, options);
  return { outcome: "failed" };
}

async function keepFailure(desk: DeskScope, rawKey: string, error: string, options: ImportOptions) {
  await desk.run(async (tx) => {
    await tx.insert(mailFailures).values({ tenantId: desk.tenantId, rawKey, error, mailboxId: options.mailboxId ?? null });
    await options.afterImport?.(tx);
  });
}

/**
 * Settings → Mail → Failed mail → Retry: imports the kept original again (after the cause was
 * fixed: a department added, the parser updated). A savepoint keeps a second failure from undoing
 * anything but the attempt; the error is updated and the message stays listed.
 */
export async function retryFailedMail(tx: TenantDb, tenantId: string, failureId: string): Promise<ImportResult & { error?: string }> {
  const [failure] = await tx.select().from(mailFailures).where(and(eq(mailFailures.id, failureId), isNull(mailFailures.resolvedAt)));
  if (!failure) throw new DeskError("NOT_FOUND", "mail.failureNotFound");
  const raw = Buffer.from(await readStoredFile(failure.rawKey));
  const [mailbox] = failure.mailboxId ? await tx.select({ departmentId: mailboxes.departmentId }).from(mailboxes).where(eq(mailboxes.id, failure.mailboxId)) : [];
  const now = new Date();
  try {
    const result = await savepoint(tx, (attempt) => importParsed(attempt, tenantId, raw, failure.rawKey, { departmentId: mailbox?.departmentId ?? null }));
    await tx.update(mailFailures).set({ retriedAt: now, resolvedAt: now }).where(eq(mailFailures.id, failure.id));
    return result;
  } catch (error) {
    await tx.update(mailFailures).set({ retriedAt: now, error: errorText(error) }).where(eq(mailFailures.id, failure.id));
    return { outcome: "failed", error: errorText(error) };
  }
}
