import { isIP } from "node:net";
import { ImapFlow } from "imapflow";
import { env } from "@/env";
import { DeskError } from "../errors";
import { resolvePublicAddress } from "../net/public-address";

/** The purpose IMAP mailbox passwords are sealed under (kernel/secret-box). */
export const MAILBOX_SECRET_PURPOSE = "mailbox-password";

/** What it takes to log in to a mailbox. */
export type ImapAccount = { host: string; port: number; secure: boolean; username: string; password: string };

const resolveServer = (host: string) => resolvePublicAddress(host, { allowPrivate: env.MAILBOX_PRIVATE_HOSTS });
const hostPrivate = () => new DeskError("BAD_REQUEST", "mailbox.hostPrivate", { fields: { host: "mailbox.hostPrivate" } });

/**
 * The address to connect to for a mailbox's server: public addresses only, unless
 * MAILBOX_PRIVATE_HOSTS allows others. Checked again at every connection, since a name may point
 * elsewhere by then than when the mailbox was saved.
 */
export async function mailboxServerAddress(host: string): Promise<string> {
  const resolved = await resolveServer(host);
  if (resolved.ok) return resolved.address;
  if (resolved.reason === "private") throw hostPrivate();
  throw new DeskError("BAD_REQUEST", "mailbox.hostNotFound", { fields: { host: "mailbox.hostNotFound" } });
}

/**
 * Refuses to save a mailbox whose server is on a private address. A name that does not resolve
 * right now is saved (a passing name-server failure should not block the form); every connection
 * resolves it again and reports it.
 */
export async function assertPublicMailboxServer(host: string): Promise<void> {
  const resolved = await resolveServer(host);
  if (!resolved.ok && resolved.reason === "private") throw hostPrivate();
}

/** Runs `fn` on a logged-in IMAP connection and always logs out. Timeouts keep a dead server from hanging a job. */
export async function withImap<T>(account: ImapAccount, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const address = await mailboxServerAddress(account.host);
  const client = new ImapFlow({
    host: address,
    port: account.port,
    secure: account.secure,
    servername: isIP(account.host) ? undefined : account.host,
    tls: { servername: isIP(account.host) ? undefined : account.host },
    auth: { user: account.username, pass: account.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  // A dropped connection emits "error"; without a listener it would crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new DeskError("BAD_REQUEST", "mailbox.connectFailed", { params: { reason: imapReason(error) } });
  }
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** A short, human explanation of why a connection or login failed (shown in Settings → Mail). */
export function imapReason(error: unknown): string {
  if (error instanceof DeskError) return error.params?.reason ? String(error.params.reason) : error.messageKey;
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  const details = error as Error & { authenticationFailed?: boolean; responseText?: string; code?: string };
  if (details.authenticationFailed) return `Authentication failed${details.responseText ? `: ${details.responseText}` : ""}`.slice(0, 300);
  return (details.responseText || details.code || error.message).slice(0, 300);
}

/** The folders a mailbox has, for the folder picker (Inbox first). */
export async function listFolders(client: ImapFlow): Promise<string[]> {
  const folders = await client.list();
  return folders
    .filter((f) => !f.flags.has("\\Noselect") && !f.flags.has("\\NonExistent"))
    .map((f) => f.path)
    .sort((a, b) => (a === "INBOX" ? -1 : b === "INBOX" ? 1 : a.localeCompare(b)))
    .slice(0, 500);
}
