import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { nextDay, uuidV7Bound, zonedDayStart } from "@/lib/dates";
import { users } from "../auth/schema";
import type { TenantDb } from "../db/types";
import { auditEvents } from "../kernel/schema";
import { getDesk } from "../kernel/desk";


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

export type EventFilter = {
  cursor: string | null;
  limit: number;
  actorUserId?: string | null;
  action?: string | null;
  /** An instant range, already resolved from the desk's calendar days. */
  from?: Date | null;
  to?: Date | null;
};

/**
 * Newest first, keyset-paginated on the UUID v7 id (time-ordered), so page 1,000 costs what page
 * 1 does; a date range is an id range on the same index. Returns the cursor of the next page.
 */
export async function listEvents(tx: TenantDb, filter: EventFilter) {
  const conditions = [
    filter.cursor ? lt(auditEvents.id, filter.cursor) : undefined,
    filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.from ? gte(auditEvents.id, uuidV7Bound(filter.from, "lower")) : undefined,
    filter.to ? lt(auditEvents.id, uuidV7Bound(filter.to, "lower")) : undefined,
  ];
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
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1);
  const more = rows.length > filter.limit;
  const events = more ? rows.slice(0, filter.limit) : rows;
  return { events, nextCursor: more ? events[events.length - 1]!.id : null };
}

/** The event log page for calendar days of the desk's time zone (both ends included). */
export async function eventLogPage(
  tx: TenantDb,
  filter: Omit<EventFilter, "from" | "to"> & { fromDay: string | null; toDay: string | null },
) {
  const { timeZone } = await getDesk(tx);
  return listEvents(tx, {
    ...filter,
    from: filter.fromDay ? zonedDayStart(filter.fromDay, timeZone) : null,
    to: filter.toDay ? zonedDayStart(nextDay(filter.toDay), timeZone) : null,
  });
}

/** The action names that occur on this desk, for the log's filter. */
export async function listEventActions(tx: TenantDb): Promise<string[]> {
  const rows = await tx.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  return rows.map((r) => r.action);
}

/** Actions per person over an instant range (one grouped query over the actor index). */
/**
 * Time active per person: the 15-minute periods in which they did anything the event log records,
 * in seconds (a person who acts every few minutes for an hour gets an hour).
 */
export async function activeSecondsByActor(tx: TenantDb, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await tx
    .select({ actor: auditEvents.actorUserId, periods: sql<number>`count(distinct floor(extract(epoch from ${auditEvents.createdAt}) / 900))::int` })
    .from(auditEvents)
    .where(and(gte(auditEvents.id, uuidV7Bound(from, "lower")), lt(auditEvents.id, uuidV7Bound(to, "lower"))))
    .groupBy(auditEvents.actorUserId);
  return new Map(rows.filter((r) => r.actor).map((r) => [r.actor!, r.periods * 900]));
}

export async function countActionsByActor(tx: TenantDb, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await tx
    .select({ actor: auditEvents.actorUserId, n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(gte(auditEvents.id, uuidV7Bound(from, "lower")), lt(auditEvents.id, uuidV7Bound(to, "lower"))))
    .groupBy(auditEvents.actorUserId);
  return new Map(rows.filter((r) => r.actor).map((r) => [r.actor!, r.n]));
}
