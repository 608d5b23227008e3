import crypto from "node:crypto";
import { newId } from "../db/columns";
import { authSecret } from "../kernel/secret";

/**
 * The browser a person signed in from before: a signed cookie naming them and this device. A
 * sign-in from a known device is not slowed by failures against the account from elsewhere, so an
 * attacker guessing from many addresses cannot keep the owner out (OWASP's "device cookies").
 */
export const DEVICE_COOKIE = "deskhand.device";
export const DEVICE_COOKIE_DAYS = 180;

const mac = (payload: string) => crypto.createHmac("sha256", Buffer.from(crypto.hkdfSync("sha256", authSecret(), "deskhand", "device-cookie", 32))).update(payload).digest("base64url");

export type Device = { userId: string; deviceId: string };

/** The cookie value for this person on this device (a new device id unless one is given). */
export function deviceToken(userId: string, deviceId: string = newId()): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, d: deviceId })).toString("base64url");
  return `${payload}.${mac(payload)}`;
}

/** The device a cookie names, when its signature holds. */
export function readDevice(token: string | null | undefined): Device | null {
  if (!token || token.length > 400) return null;
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString()) as { u?: unknown; d?: unknown };
    return typeof parsed.u === "string" && typeof parsed.d === "string" ? { userId: parsed.u, deviceId: parsed.d } : null;
  } catch {
    return null;
  }
}

/** The Set-Cookie header value for a device token. */
export const deviceCookie = (token: string, secure: boolean) =>
  `${DEVICE_COOKIE}=${token}; Path=/; Max-Age=${DEVICE_COOKIE_DAYS * 86400}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

/** The device cookie of a request, from its Cookie header. */
export function deviceFromHeaders(headers: Headers): Device | null {
  const cookie = headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE.replace(".", "\\.")}=([^;]+)`).exec(cookie);
  return readDevice(match?.[1]);
}
