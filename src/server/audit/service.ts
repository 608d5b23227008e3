import { desc, eq, lt } from "drizzle-orm";
import { users } from "../auth/schema";
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

export type AuditEventRow = {
  id: string;
  action: string;
  objectType: string;
  objectId: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
  createdAt: Date;
  actorName: string | null;
};

/**
 * Newest first, keyset-paginated on the UUID v7 id (time-ordered), so page 1,000 costs what page
 * 1 does. Returns the cursor of the next page.
 */
export async function listEvents(tx: TenantDb, options: { cursor: string | null; limit: number }) {
  const rows: AuditEventRow[] = await tx
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      summary: auditEvents.summary,
      ip: auditEvents.ip,
      createdAt: auditEvents.createdAt,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(options.cursor ? lt(auditEvents.id, options.cursor) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(options.limit + 1);
  const more = rows.length > options.limit;
  const events = more ? rows.slice(0, options.limit) : rows;
  return { events, nextCursor: more ? events[events.length - 1]!.id : null };
}
