import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { ImapFlow } from "imapflow";
import { env } from "@/env";
import { DeskError } from "../errors";

/** What it takes to log in to a mailbox. */
export type ImapAccount = { host: string; port: number; secure: boolean; username: string; password: string };

// Loopback, private, link-local, CGNAT and other non-public ranges: off limits unless
// MAILBOX_PRIVATE_HOSTS allows them, so a desk admin cannot make the server probe its own network.
const privateRanges = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const)
  privateRanges.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  // NAT64 and 6to4 carry IPv4 addresses inside, private ones included.
  ["64:ff9b::", 96],
  ["2002::", 16],
] as const)
  privateRanges.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (!family) return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateRanges.check(mapped[1]!, "ipv4");
  return privateRanges.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The address to connect to: the host name resolved once here and the connection made to that
 * very address (TLS still checks the certificate against the name), so a name cannot point
 * somewhere else between the check and the connection.
 */
async function resolveHost(host: string): Promise<string> {
  const resolved = isIP(host) ? { address: host, family: isIP(host) } : await lookup(host).catch(() => null);
  if (!resolved) throw new DeskError("BAD_REQUEST", "mailbox.hostNotFound", { fields: { host: "mailbox.hostNotFound" } });
  if (!env.MAILBOX_PRIVATE_HOSTS && isPrivateAddress(resolved.address)) {
    throw new DeskError("BAD_REQUEST", "mailbox.hostPrivate", { fields: { host: "mailbox.hostPrivate" } });
  }
  return resolved.address;
}

/** Runs `fn` on a logged-in IMAP connection and always logs out. Timeouts keep a dead server from hanging a job. */
export async function withImap<T>(account: ImapAccount, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const address = await resolveHost(account.host);
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
