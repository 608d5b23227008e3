import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * The one address check for every connection Deskhand makes on a user's behalf (IMAP mailboxes;
 * webhooks and custom SMTP servers next): loopback, private, link-local, CGNAT, metadata and other
 * non-public ranges are off limits, so a desk admin cannot make the server probe its own network.
 */
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
  // The unspecified and loopback addresses, and the old IPv4-compatible form (::127.0.0.1).
  ["::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  // NAT64 and 6to4 carry IPv4 addresses inside, private ones included.
  ["64:ff9b::", 96],
  ["2002::", 16],
] as const)
  privateRanges.addSubnet(net, prefix, "ipv6");

/**
 * Whether an IP address is loopback, private, link-local or otherwise not on the public internet.
 * An IPv4 address written as IPv6 (::ffff:127.0.0.1, ::ffff:7f00:1) is judged as the IPv4 address
 * it is: BlockList compares IPv4-mapped IPv6 addresses with the IPv4 ranges. Not an IP: private.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (!family) return true;
  return privateRanges.check(address, family === 6 ? "ipv6" : "ipv4");
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type AddressCheck = ({ ok: true } & ResolvedAddress) | { ok: false; reason: "notFound" | "private" };
type Lookup = (host: string) => Promise<ResolvedAddress[]>;

const systemLookup: Lookup = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/**
 * The address to connect to for `host`, resolved once: connect to that very address (TLS still
 * checks the certificate against the name), so the name cannot point elsewhere between check and
 * connection. Every address of the name is looked up and one private address refuses it all
 * (a name with a public and a private address would otherwise be a coin toss). Numeric forms that
 * are not canonical IPs — 2130706433, 0x7f000001, 0177.0.0.1, 127.1 — go through the system
 * resolver like names, and are judged by the address it makes of them.
 */
export async function resolvePublicAddress(host: string, options: { allowPrivate: boolean; lookup?: Lookup }): Promise<AddressCheck> {
  const bare = host.trim().replace(/^\[(.*)\]$/, "$1");
  const family = isIP(bare);
  const found = family ? [{ address: bare, family: family === 6 ? (6 as const) : (4 as const) }] : await (options.lookup ?? systemLookup)(bare).catch(() => []);
  const [first] = found;
  if (!first) return { ok: false, reason: "notFound" };
  if (!options.allowPrivate && found.some((candidate) => isPrivateAddress(candidate.address))) return { ok: false, reason: "private" };
  return { ok: true, ...first };
}
