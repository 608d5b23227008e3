/**
 * The caller's IP for audit events and rate limits: the last X-Forwarded-For address, the one our
 * own proxy added (the ones before it are whatever the client sent, and could be forged).
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || null;
  if (!candidate) return null;
  // Only something that looks like an address reaches the inet column.
  return /^[0-9a-fA-F:.]{2,45}$/.test(candidate) ? candidate : null;
}

/** A post-sign-in destination that stays on our own site. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/d"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
