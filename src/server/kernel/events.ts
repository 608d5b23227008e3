import type { TenantDb } from "../db/types";
import { auditEvents } from "./schema";

export type AuditEntry = {
  action: string;
  objectType: string;
  objectId?: string | null;
  summary?: Record<string, unknown>;
};

type AuditActor = { tenantId: string; userId: string | null; ip: string | null };

/** Writes the event in the caller's transaction: it commits with the change or not at all. */
export async function recordEvent(tx: TenantDb, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    summary: entry.summary ?? {},
    ip: actor.ip,
  });
}
