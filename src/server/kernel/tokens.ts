import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Secrets handed out in links (customer pages, invitations, address confirmations): 32 random
// bytes in base64url, unguessable; only their SHA-256 is stored, so a leaked table opens nothing.

export const newSecretToken = () => randomBytes(32).toString("base64url");

export const hashSecretToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
