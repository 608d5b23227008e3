import crypto from "node:crypto";
import { authSecret } from "./secret";

/**
 * Encrypts small secrets kept in the database (mailbox passwords) with AES-256-GCM under a key
 * derived from the session secret for this one purpose. A database dump alone does not reveal
 * them; rotating AUTH_SECRET means entering them again.
 */
const key = (purpose: string) => Buffer.from(crypto.hkdfSync("sha256", authSecret(), "deskhand", `secret-box:${purpose}`, 32));

export function seal(purpose: string, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(purpose), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/** The plain text, or null when the box was sealed under another secret or tampered with. */
export function open(purpose: string, box: string): string | null {
  const [version, iv, tag, sealed] = box.split(".");
  if (version !== "v1" || !iv || !tag || sealed === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
