import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { env, type Env } from "@/env";

/**
 * The header the server's own connection address travels in (`src/server/http/peer.ts` writes it
 * on every request, over anything a client sent). Next.js gives route handlers no socket, and its
 * own `X-Forwarded-For` fallback applies only when the client sent none, so it cannot be trusted.
 */
export const PEER_HEADER = "x-deskhand-peer";
const PEER_STAMPED = Symbol.for("deskhand.peerStamped");

/** Set by the stamp: from then on PEER_HEADER holds the connection's address, never a client's. */
export function markPeerStamped(): void {
  (globalThis as Record<symbol, unknown>)[PEER_STAMPED] = true;
}

function peerStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_STAMPED] === true;
}

export type TrustedProxies = Env["TRUSTED_PROXIES"];

const compiled = new WeakMap<object, (address: string, hop: number) => boolean>();

function trustOf(trust: NonNullable<TrustedProxies>): (address: string, hop: number) => boolean {
  let test = compiled.get(trust);
  if (!test) {
    const { hops, list } = trust as { hops?: number; list?: string[] };
    test = hops !== undefined ? (_address, hop) => hop < hops : proxyaddr.compile(list ?? []);
    compiled.set(trust, test);
  }
  return test;
}

/** An address fit for the inet column and for counting: IPv4-mapped IPv6 written as IPv4. */
function plainAddress(value: string | null | undefined): string | null {
  const candidate = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return candidate && isIP(candidate) ? candidate : null;
}

/**
 * The client's address, from the connection's address (`peer`) and the X-Forwarded-For chain:
 * without trusted proxies the chain is ignored — anyone can send one — and the peer is the client;
 * with them, the right-most address of the chain not trusted is (proxy-addr: Express's `trust
 * proxy`, a hop count counting the peer as the first hop).
 */
export function resolveClientAddress(peer: string | null, forwardedFor: string | null, trust: TrustedProxies): string | null {
  const connection = plainAddress(peer);
  if (!connection) return null;
  if (!trust) return connection;
  const request = { connection: { remoteAddress: connection }, socket: { remoteAddress: connection }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} };
  return plainAddress(proxyaddr(request as unknown as IncomingMessage, trustOf(trust)));
}

/**
 * The caller's IP for audit events, per-IP limits and IP stop-list entries: every one of them
 * reads it here. Null when the connection's address is unknown (the stamp is not installed: a test
 * calling a route directly, a runtime without `instrumentation.ts`) — then no per-IP limit
 * applies, only the per-desk and per-email ones, rather than one a client could choose.
 */
export function clientIp(headers: Headers): string | null {
  if (!peerStamped()) return null;
  return resolveClientAddress(headers.get(PEER_HEADER), headers.get("x-forwarded-for"), env.TRUSTED_PROXIES);
}

/** A post-sign-in destination that stays on our own site. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/d"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
