import { and, asc, eq, isNull } from "drizzle-orm";
import { open, seal } from "../kernel/secret-box";
import { assertOption, hasOption } from "../billing/account";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError, uniqueViolation } from "../errors";
import type { Actor } from "../kernel/actor";
import { MAILBOX_SECRET_PURPOSE as SECRET_PURPOSE, assertPublicMailboxServer, listFolders, withImap, type ImapAccount } from "./imap";
import { mailboxes, type Mailbox } from "./schema";
import { recordEvent } from "../kernel/events";
import { type DeskScope } from "../tenancy/platform";
import { pollMailbox, type PollResult } from "./mailbox-poll";


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
};

export function listMailboxes(tx: TenantDb) {
  return tx.select(publicColumns).from(mailboxes).orderBy(asc(mailboxes.address));
}

/** Settings → Mail → Mailboxes: whether the desk has the Mail option, and its mailboxes. */
export async function mailboxesOverview(tx: TenantDb) {
  return { enabled: await hasOption(tx, "mail"), mailboxes: await listMailboxes(tx) };
}

export async function storedMailbox(tx: TenantDb, id: string): Promise<Mailbox> {
  const [row] = await tx.select().from(mailboxes).where(eq(mailboxes.id, id));
  if (!row) throw new DeskError("NOT_FOUND", "mailbox.notFound");
  return row;
}

/**
 * The account to log in with: the typed password, or — when editing with the password left empty —
 * the stored one, but only for the very server, port, TLS setting and user it was given for. A
 * stored password is never sent anywhere else (an admin who does not know it cannot point the
 * mailbox at their own server to read it).
 */
export async function accountFor(tx: TenantDb, input: ConnectionInput): Promise<ImapAccount> {
  let password = input.password;
  if (!password && input.id) {
    const stored = await storedMailbox(tx, input.id);
    const same = stored.host === input.host && stored.port === input.port && stored.secure === input.secure && stored.username === input.username;
    if (same) password = open(SECRET_PURPOSE, stored.passwordSecret) ?? "";
  }
  if (!password) throw new DeskError("BAD_REQUEST", "mailbox.passwordRequired", { fields: { password: "mailbox.passwordRequired" } });
  return { host: input.host, port: input.port, secure: input.secure, username: input.username, password };
}

/** "Test connection": logs in and lists the folders to pick from. Runs outside any transaction. */
export async function testConnection(account: ImapAccount): Promise<{ folders: string[] }> {
  return withImap(account, async (client) => ({ folders: await listFolders(client) }));
}

/**
 * Adds or edits a mailbox. Its server is checked first, outside any transaction (a slow name
 * server must not hold the database): a private address is refused before anything is stored.
 */
export async function saveMailbox(desk: DeskScope, actor: Actor, input: MailboxInput): Promise<{ id: string }> {
  await assertPublicMailboxServer(input.host);
  return desk.run((tx) => storeMailbox(tx, actor, input));
}

/** "Test connection": logs in with what the form holds (or the stored password) and lists the folders. */
export async function testMailbox(desk: DeskScope, input: ConnectionInput): Promise<{ folders: string[] }> {
  const account = await desk.run(async (tx) => {
    await assertOption(tx, "mail");
    return accountFor(tx, input);
  });
  return testConnection(account);
}

/** "Check now": reads one of the desk's mailboxes at once instead of waiting for the next poll. */
export async function checkMailbox(desk: DeskScope, mailboxId: string): Promise<PollResult> {
  await desk.run((tx) => storedMailbox(tx, mailboxId));
  return pollMailbox(desk, mailboxId);
}

/**
 * Stores a mailbox. Pointing it at another server, account or folder starts it afresh (the
 * unseen messages there, then everything new); the address is unique within the desk.
 */
async function storeMailbox(tx: TenantDb, actor: Actor, input: MailboxInput): Promise<{ id: string }> {
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
