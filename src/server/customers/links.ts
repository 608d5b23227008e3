import { claimGlobalKey } from "../kernel/global-keys";
import { baseUrl } from "@/env";
import type { TenantDb } from "../db/types";
import { hashSecretToken, newSecretToken } from "../kernel/tokens";
import { customerLinks } from "./schema";

export const MAGIC_LINK_HOURS = 24;

/** A new private link for the customer: to one ticket (no expiry), or to all their tickets (expires). */
export async function issueCustomerLink(
  tx: TenantDb,
  tenantId: string,
  link: { customerId: string; ticketId: string | null },
): Promise<{ token: string; url: string }> {
  const token = newSecretToken();
  const tokenHash = hashSecretToken(token);
  if (!(await claimGlobalKey(tx, "customer_link", tokenHash, tenantId))) throw new Error("A new link token is already taken.");
  await tx.insert(customerLinks).values({
    tenantId,
    tokenHash,
    customerId: link.customerId,
    ticketId: link.ticketId,
    expiresAt: link.ticketId ? null : new Date(Date.now() + MAGIC_LINK_HOURS * 3600_000),
  });
  return { token, url: `${baseUrl}/t/${token}` };
}

