import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import { baseUrl } from "@/env";
import type { Database, TenantDb } from "../db/types";
import { customerLinks } from "./schema";

/** 32 random bytes, base64url: unguessable; only its SHA-256 is stored. */
export const newLinkToken = () => randomBytes(32).toString("base64url");
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const MAGIC_LINK_HOURS = 24;

/** A new private link for the customer: to one ticket (no expiry), or to all their tickets (expires). */
export async function issueCustomerLink(
  tx: TenantDb,
  tenantId: string,
  link: { customerId: string; ticketId: string | null },
): Promise<{ token: string; url: string }> {
  const token = newLinkToken();
  await tx.insert(customerLinks).values({
    tenantId,
    tokenHash: hashLinkToken(token),
    customerId: link.customerId,
    ticketId: link.ticketId,
    expiresAt: link.ticketId ? null : new Date(Date.now() + MAGIC_LINK_HOURS * 3600_000),
  });
  return { token, url: `${baseUrl}/t/${token}` };
}

export type ResolvedLink = { tenantId: string; customerId: string; ticketId: string | null };

/**
 * The link a token stands for, before any desk scope exists: it reads across desks, but only the
 * one row whose hash matches, which is what decides the scope to open. Expired or unknown: null.
 */
export async function unsafeResolveCustomerLink(db: Database, token: string): Promise<ResolvedLink | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ tenantId: customerLinks.tenantId, customerId: customerLinks.customerId, ticketId: customerLinks.ticketId })
    .from(customerLinks)
    .where(and(eq(customerLinks.tokenHash, hashLinkToken(token)), or(isNull(customerLinks.expiresAt), gt(customerLinks.expiresAt, new Date()))));
  return row ?? null;
}
