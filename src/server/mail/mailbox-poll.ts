// Reading connected IMAP mailboxes: one poll per mailbox under a lease, the cross-desk job, and
// giving leases back at shutdown. Settings of mailboxes are in mailboxes.ts.
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { open } from "../kernel/secret-box";
import { hasOption } from "../billing/account";
import type { Database, TenantDb } from "../db/types";
import { log } from "../log";
import { MAILBOX_SECRET_PURPOSE as SECRET_PURPOSE, imapReason, withImap } from "./imap";
import type { ImapFlow } from "imapflow";
import { importInto, MAX_MAIL_BYTES, recordFailedMail, type ImportOptions } from "./inbound";
import { mailboxes } from "./schema";
import { unsafeDeskScope, type DeskScope } from "../tenancy/platform";

/** At most this many messages per mailbox per poll; the rest come next time. */
export const POLL_BATCH = 50;
/** How long a poll may hold a mailbox before another instance may take it over. */
const LEASE_SECONDS = 300;

/**
 * The mailboxes this process is reading now, each with its current lease, so a shutdown can give
 * them back at once instead of leaving them blocked for LEASE_SECONDS.
 */
const heldLeases = new Map<string, { desk: DeskScope; lease: () => Date }>();
/** Moved on by each shutdown: a mailboxes run started before it starts no further mailbox. */
let releases = 0;

/**
 * Shutdown: starts no further poll, and clears the lease of every mailbox this process holds (only
 * while the lease is still the one it took); a poll still running then finds its lease gone and
 * stops without writing. Returns how many leases were given back.
 */
export async function releaseHeldMailboxLeases(): Promise<number> {
  releases += 1;
  let released = 0;
  for (const [mailboxId, { desk, lease }] of heldLeases) {
    const held = lease();
    const rows = await desk.run((tx) =>
      tx.update(mailboxes).set({ leaseUntil: null }).where(and(eq(mailboxes.id, mailboxId), eq(mailboxes.leaseUntil, held))).returning({ id: mailboxes.id }),
    );
    released += rows.length;
    heldLeases.delete(mailboxId);
  }
  return released;
}

export type PollResult = { imported: number; failed: number; skipped?: "busy" | "disabled" | "option"; error?: string };

/** Another poll took the mailbox over (our lease ran out), or it was pointed elsewhere meanwhile: stop, write nothing. */
class LeaseLost extends Error {}

/**
 * Reads one mailbox: claims it with a lease (another instance polling it gets "busy"), logs in,
 * and imports each message above `lastUid` in UID order, moving `lastUid` forward — and renewing
 * the lease — in the transaction of that import, so a crash between two messages loses none and
 * repeats none, and a poll that lost its lease stops instead of importing beside another. Every
 * write is conditional on the lease and on the server, user and folder that were claimed.
 * When the folder's UIDVALIDITY is new (first connection, or the server renumbered the folder) the
 * position restarts just before the oldest unread message (mail already read there is not history
 * the desk asked for). A message over MAX_MAIL_BYTES is left in the mailbox and listed in Failed
 * mail with its headers. Imported mail is marked read.
 */
export async function pollMailbox(desk: DeskScope, mailboxId: string): Promise<PollResult> {
  const { tenantId } = desk;
  const newLease = () => new Date(Date.now() + LEASE_SECONDS * 1000);
  let lease = newLease();
  const claimed = await desk.run(async (tx) => {
    if (!(await hasOption(tx, "mail"))) return "option" as const;
    const [row] = await tx
      .update(mailboxes)
      .set({ leaseUntil: lease })
      .where(and(eq(mailboxes.id, mailboxId), eq(mailboxes.enabled, true), or(isNull(mailboxes.leaseUntil), lt(mailboxes.leaseUntil, sql`now()`))))
      .returning();
    return row ?? ("busy" as const);
  });
  if (claimed === "option") return { imported: 0, failed: 0, skipped: "option" };
  if (claimed === "busy") return { imported: 0, failed: 0, skipped: "busy" };
  const mailbox = claimed;
  heldLeases.set(mailbox.id, { desk, lease: () => lease });
  const ours = () =>
    and(eq(mailboxes.id, mailbox.id), eq(mailboxes.leaseUntil, lease), eq(mailboxes.host, mailbox.host), eq(mailboxes.username, mailbox.username), eq(mailboxes.folder, mailbox.folder));
  /** Writes `values` (and a renewed lease) while the mailbox is still ours; otherwise LeaseLost. */
  const advance = async (tx: TenantDb, values: PgUpdateSetSource<typeof mailboxes>) => {
    const next = newLease();
    const [row] = await tx.update(mailboxes).set({ ...values, leaseUntil: next }).where(ours()).returning({ id: mailboxes.id });
    if (!row) throw new LeaseLost();
    lease = next;
  };
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
        let lastUid = mailbox.lastUid;
        if (mailbox.uidValidity !== uidValidity) {
          // A position under another UIDVALIDITY names other messages: start again before the oldest unread one.
          const unseen = (await client.search({ seen: false }, { uid: true })) || [];
          lastUid = unseen.length ? Math.min(...unseen) - 1 : Math.max(0, (opened.uidNext ?? 1) - 1);
          await desk.run((tx) => advance(tx, { uidValidity, lastUid }));
        }
        const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
        // "N:*" always names the newest message, even when it is older than N.
        const batch = found
          .filter((uid) => uid > lastUid)
          .sort((a, b) => a - b)
          .slice(0, POLL_BATCH);
        for (const uid of batch) {
          const afterImport = (tx: TenantDb) => advance(tx, { lastUid: sql`greatest(${mailboxes.lastUid}, ${uid})`, importedCount: sql`${mailboxes.importedCount} + 1` });
          const meta = await client.fetchOne(String(uid), { size: true, headers: true }, { uid: true });
          if (!meta) continue;
          const outcome =
            (meta.size ?? 0) > MAX_MAIL_BYTES
              ? await recordFailedMail(desk, meta.headers ?? Buffer.from(""), `Larger than ${MAX_MAIL_BYTES / 1024 / 1024} MB (${Math.ceil((meta.size ?? 0) / 1024 / 1024)} MB): left in the mailbox, not imported. Only its headers are kept here.`, { mailboxId: mailbox.id, afterImport })
              : await importFetched(desk, client, uid, { departmentId: mailbox.departmentId, mailboxId: mailbox.id, afterImport });
          if (outcome.outcome === "failed") result.failed += 1;
          else result.imported += 1;
          // Seen in the mail client too; if this fails the UID is already behind us.
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true }).catch(() => false);
        }
      } finally {
        lock.release();
      }
    });
    await desk.run((tx) => tx.update(mailboxes).set({ lastCheckedAt: new Date(), lastError: null, leaseUntil: null }).where(ours()));
  } catch (error) {
    if (error instanceof LeaseLost) return { ...result, skipped: "busy" };
    const reason = imapReason(error);
    log.warn({ err: error, tenantId, mailboxId }, "Mailbox poll failed");
    await desk.run((tx) => tx.update(mailboxes).set({ lastCheckedAt: new Date(), lastError: reason, leaseUntil: null }).where(ours()));
    result.error = reason;
  } finally {
    heldLeases.delete(mailbox.id);
  }
  return result;
}

/** Fetches one message's source and imports it. */
async function importFetched(desk: DeskScope, client: ImapFlow, uid: number, options: ImportOptions) {
  const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
  if (!message || !message.source) throw new Error(`Message ${uid} vanished from the folder while it was read.`);
  return importInto(desk, message.source, options);
}

/** Every enabled mailbox of every desk: the job's one cross-desk read, ids only. */
function unsafeEnabledMailboxes(db: Database) {
  return db.select({ tenantId: mailboxes.tenantId, id: mailboxes.id }).from(mailboxes).where(eq(mailboxes.enabled, true));
}

/**
 * The `mailboxes` job: every enabled mailbox of every desk, one after another. The list of
 * (desk, mailbox) ids is the one cross-desk read; each poll runs in its desk's scope.
 */
export async function pollAllMailboxes(db: Database) {
  const releasesAtStart = releases;
  const due = await unsafeEnabledMailboxes(db);
  let imported = 0;
  let failed = 0;
  let errors = 0;
  for (const { tenantId, id } of due) {
    if (releases !== releasesAtStart) break;
    const result = await pollMailbox(unsafeDeskScope(db, tenantId, "reading a mailbox the desk connected"), id);
    imported += result.imported;
    failed += result.failed;
    if (result.error) errors += 1;
  }
  return { mailboxes: due.length, imported, failed, errors };
}
