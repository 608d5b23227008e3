import { z } from "zod";
import type { TenantDb } from "../db/types";
import { channelBus, notify } from "../kernel/live";

const CHANNEL = "deskhand_internal_mail";

/** Ids only: who should refetch which thread. Bodies and subjects are read through the checked queries. */
export const internalMailChange = z.object({
  tenantId: z.uuid(),
  threadId: z.uuid(),
  kind: z.enum(["message", "read"]),
  membershipIds: z.array(z.uuid()).max(50),
});
export type InternalMailChange = z.infer<typeof internalMailChange>;

/** Announced inside the changing transaction: Postgres delivers it at commit, never for a rollback. */
export async function announceInternalMail(tx: TenantDb, change: InternalMailChange): Promise<void> {
  await notify(tx, CHANNEL, change);
}

/** Internal-mail changes of every desk, for the mail page, the open thread and the navigation badge. */
export const internalMailBus = channelBus(CHANNEL, internalMailChange);
