import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordEvent } from "../audit/service";
import { open, seal } from "../auth/secret-box";
import { hasOption } from "../billing/account";
import { withTenant } from "../db/tenant";
import type { Database, TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError, uniqueViolation } from "../errors";
import { log } from "../log";
import type { Actor } from "../staff/actor";
import { imapReason, listFolders, withImap, type ImapAccount } from "./imap";
import { importMail } from "./inbound";
import { mailboxes, type Mailbox } from "./schema";

const SECRET_PURPOSE = "mailbox-password";
/** At most this many messages per mailbox per poll; the rest come next time. */
export const POLL_BATCH = 50;
/** How long a poll may hold a mailbox before another instance may take it over. */
const LEASE_SECONDS = 300;

const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "mailbox.hostRequired")
  .max(253, "mailbox.hostInvalid")
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^[0-9.]+$|^[0-9a-f:]+$/, "mailbox.hostInvalid");

/** The connection fields, shared by "test" and "save". An empty password on an existing mailbox keeps the stored one. */
export const connectionFields = {
  host: hostName,
  port: z.number().int("mailbox.portInvalid").min(1, "mailbox.portInvalid").max(65535, "mailbox.portInvalid"),
  secure: z.boolean(),
  username: z.string().trim().min(1, "mailbox.usernameRequired").max(254, "mailbox.usernameTooLong"),
  password: z.string().max(500, "mailbox.passwordTooLong"),
};
export const mailboxFields = {
  ...connectionFields,
  address: z.email("mailbox.addressInvalid").trim().toLowerCase().max(254, "mailbox.addressInvalid"),
  folder: z.string().trim().min(1, "mailbox.folderRequired").max(200, "mailbox.folderTooLong"),
  departmentId: z.uuid().nullable(),
  enabled: z.boolean(),
};
type ConnectionInput = { host: string; port: number; secure: boolean; username: string; password: string; id?: string | null };
export type MailboxInput = ConnectionInput & { address: string; folder: string; departmentId: string | null; enabled: boolean };

/** A mailbox as Settings shows it: never the password. */
const publicColumns = {
  id: mailboxes.id,
  address: mailboxes.address,
  host: mailboxes.host,
  port: mailboxes.port,
  secure: mailboxes.secure,
  username: mailboxes.username,
  folder: mailboxes.folder,
  departmentId: mailboxes.departmentId,
  enabled: mailboxes.enabled,
  lastCheckedAt: mailboxes.lastCheckedAt,
  lastError: mailboxes.lastError,
  importedCount: mailboxes.importedCount,
  synced: sql<boolean>`${mailboxes.uidValidity} is not null`,
};

export function listMailboxes(tx: TenantDb) {
  return tx.select(publicColumns).from(mailboxes).orderBy(asc(mailboxes.address));
}

async function storedMailbox(tx: TenantDb, id: string): Promise<Mailbox> {
  const [row] = await tx.select().from(mailboxes).where(eq(mailboxes.id, id));
  if (!row) throw new DeskError("NOT_FOUND", "mailbox.notFound");
  return row;
}

/** The account to log in with: the typed password, or the stored one when editing and left empty. */
export async function accountFor(tx: TenantDb, input: ConnectionInput): Promise<ImapAccount> {
  let password = input.password;
  if (!password && input.id) password = open(SECRET_PURPOSE, (await storedMailbox(tx, input.id)).passwordSecret) ?? "";
  if (!password) throw new DeskError("BAD_REQUEST", "mailbox.passwordRequired", { fields: { password: "mailbox.passwordRequired" } });
  return { host: input.host, port: input.port, secure: input.secure, username: input.username, password };
}

/** "Test connection": logs in and lists the folders to pick from. Runs outside any transaction. */
export async function testConnection(account: ImapAccount): Promise<{ folders: string[] }> {
  return withImap(account, async (client) => ({ folders: await listFolders(client) }));
}

/**
 * Adds or edits a mailbox. Pointing it at another server, account or folder starts it afresh
 * (the unseen messages there, then everything new); the address is unique within the desk.
 */
export async function saveMailbox(tx: TenantDb, actor: Actor, input: MailboxInput): Promise<{ id: string }> {
  if (!(await hasOption(tx, "mail"))) throw new DeskError("FORBIDDEN", "billing.optionMissing", { params: { option: "mail" } });
  if (input.departmentId) {
    const [department] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, input.departmentId), isNull(departments.archivedAt)));
    if (!department) throw new DeskError("BAD_REQUEST", "mailbox.departmentInvalid", { fields: { departmentId: "mailbox.departmentInvalid" } });
  }
  const account = await accountFor(tx, input);
  const values = {
    address: input.address,
    host: input.host,
    port: input.port,
    secure: input.secure,
    username: input.username,
    passwordSecret: seal(SECRET_PURPOSE, account.password),
    folder: input.folder,
    departmentId: input.departmentId,
    enabled: input.enabled,
  };
  try {
    if (input.id) {
      const before = await storedMailbox(tx, input.id);
      const moved = before.host !== input.host || before.username !== input.username || before.folder !== input.folder || before.port !== input.port;
      await tx
        .update(mailboxes)
        .set({ ...values, ...(moved ? { uidValidity: null, lastUid: 0 } : {}), lastError: null })
        .where(eq(mailboxes.id, input.id));
      await recordEvent(tx, actor, { action: "mailbox.updated", objectType: "mailbox", objectId: input.id, summary: { address: input.address, host: input.host, folder: input.folder, enabled: input.enabled } });
      return { id: input.id };
    }
    const [row] = await tx.insert(mailboxes).values({ tenantId: actor.tenantId, ...values }).returning({ id: mailboxes.id });
    await recordEvent(tx, actor, { action: "mailbox.created", objectType: "mailbox", objectId: row!.id, summary: { address: input.address, host: input.host, folder: input.folder } });
    return row!;
  } catch (error) {
    if (uniqueViolation(error)?.constraint === "mailboxes_address_key") {
      throw new DeskError("CONFLICT", "mailbox.addressTaken", { fields: { address: "mailbox.addressTaken" } });
    }
    throw error;
  }
}

export async function deleteMailbox(tx: TenantDb, actor: Actor, id: string): Promise<void> {
  const mailbox = await storedMailbox(tx, id);
  await tx.delete(mailboxes).where(eq(mailboxes.id, id));
  await recordEvent(tx, actor, { action: "mailbox.deleted", objectType: "mailbox", objectId: id, summary: { address: mailbox.address } });
}

export type PollResult = { imported: number; failed: number; skipped?: "busy" | "disabled" | "option"; error?: string };

/**
 * Reads one mailbox: claims it with a lease (another instance polling it gets "busy"), logs in,
 * and imports each new message in UID order, moving `lastUid` forward in the transaction of that
 * import — so a crash between two messages loses none and repeats none — then marks it seen.
 * Until the first full pass it reads the folder's unseen messages (mail already read there is
 * not history the desk asked for); after that, every UID above the last one imported.
 */
export async function pollMailbox(db: Database, tenantId: string, mailboxId: string): Promise<PollResult> {
  const claimed = await withTenant(db, tenantId, async (tx) => {
    if (!(await hasOption(tx, "mail"))) return "option" as const;
    const [row] = await tx
      .update(mailboxes)
      .set({ leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where(and(eq(mailboxes.id, mailboxId), eq(mailboxes.enabled, true), or(isNull(mailboxes.leaseUntil), lt(mailboxes.leaseUntil, sql`now()`))))
      .returning();
    return row ?? ("busy" as const);
  });
  if (claimed === "option") return { imported: 0, failed: 0, skipped: "option" };
  if (claimed === "busy") return { imported: 0, failed: 0, skipped: "busy" };
  const mailbox = claimed;
  const result: PollResult = { imported: 0, failed: 0 };
  try {
    const password = open(SECRET_PURPOSE, mailbox.passwordSecret);
    if (password === null) throw new Error("The stored password cannot be read (the server's secret changed): enter it again.");
    await withImap({ host: mailbox.host, port: mailbox.port, secure: mailbox.secure, username: mailbox.username, password }, async (client) => {
      const lock = await client.getMailboxLock(mailbox.folder);
      try {
        const opened = client.mailbox;
        if (!opened) throw new Error(`The folder "${mailbox.folder}" cannot be opened.`);
        const uidValidity = Number(opened.uidValidity);
        const uidNext = opened.uidNext;
        const synced = mailbox.uidValidity === uidValidity;
        const found = synced
          ? await client.search({ uid: `${mailbox.lastUid + 1}:*` }, { uid: true })
          : await client.search({ seen: false }, { uid: true });
        // "N:*" always names the newest message, even when it is older than N.
        const uids = (found || []).filter((uid) => !synced || uid > mailbox.lastUid).sort((a, b) => a - b);
        const batch = uids.slice(0, POLL_BATCH);
        for (const uid of batch) {
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          const outcome = await importMail(db, tenantId, message.source, {
            departmentId: mailbox.departmentId,
            mailboxId: mailbox.id,
            afterImport: async (tx) => {
              await tx
                .update(mailboxes)
                .set({ lastUid: sql`greatest(${mailboxes.lastUid}, ${uid})`, importedCount: sql`${mailboxes.importedCount} + 1` })
                .where(eq(mailboxes.id, mailbox.id));
            },
          });
          if (outcome.outcome === "failed") result.failed += 1;
          else result.imported += 1;
          // Seen in the mail client too; if this fails the UID is already behind us.
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true }).catch(() => false);
        }
        if (!synced && batch.length === uids.length) {
          // The first pass is complete: from now on, everything above what the folder held when we looked.
          await withTenant(db, tenantId, (tx) =>
            tx
              .update(mailboxes)
              .set({ uidValidity, lastUid: sql`greatest(${mailboxes.lastUid}, ${uidNext - 1})` })
              .where(eq(mailboxes.id, mailbox.id)),
          );
        }
      } finally {
        lock.release();
      }
    });
    await withTenant(db, tenantId, (tx) => tx.update(mailboxes).set({ lastCheckedAt: new Date(), lastError: null, leaseUntil: null }).where(eq(mailboxes.id, mailbox.id)));
  } catch (error) {
    const reason = imapReason(error);
    log.warn({ err: error, tenantId, mailboxId }, "Mailbox poll failed");
    await withTenant(db, tenantId, (tx) => tx.update(mailboxes).set({ lastCheckedAt: new Date(), lastError: reason, leaseUntil: null }).where(eq(mailboxes.id, mailbox.id)));
    result.error = reason;
  }
  return result;
}

/**
 * The `mailboxes` job: every enabled mailbox of every desk, one after another. The list of
 * (desk, mailbox) ids is the one cross-desk read; each poll runs in its desk's scope.
 */
export async function pollAllMailboxes(db: Database) {
  const due = await db.select({ tenantId: mailboxes.tenantId, id: mailboxes.id }).from(mailboxes).where(eq(mailboxes.enabled, true));
  let imported = 0;
  let failed = 0;
  let errors = 0;
  for (const { tenantId, id } of due) {
    const result = await pollMailbox(db, tenantId, id);
    imported += result.imported;
    failed += result.failed;
    if (result.error) errors += 1;
  }
  return { mailboxes: due.length, imported, failed, errors };
}
