import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { tenants } from "../kernel/schema";
import type { Actor } from "../kernel/actor";
import type { BusinessHours, ClockHours, WeeklyInterval } from "./clock";
import { slaBusinessHours, type SlaPolicy } from "./schema";
import { recordEvent } from "../kernel/events";

/** Until a desk sets its own: Monday to Friday, 09:00–17:00. */
export const defaultWeek: WeeklyInterval[] = [1, 2, 3, 4, 5].map((day) => ({ day, start: 9 * 60, end: 17 * 60 }));

/** The desk's business hours in its time zone. */
export async function getBusinessHours(tx: TenantDb): Promise<BusinessHours & { custom: boolean }> {
  const [row] = await tx
    .select({ timeZone: tenants.timeZone, week: slaBusinessHours.week, holidays: slaBusinessHours.holidays })
    .from(tenants)
    .leftJoin(slaBusinessHours, eq(slaBusinessHours.tenantId, tenants.id));
  return { timeZone: row?.timeZone ?? "UTC", week: row?.week ?? defaultWeek, holidays: row?.holidays ?? [], custom: Boolean(row?.week) };
}

/** The hours a policy counts in: the desk's business hours, or around the clock. */
export async function clockHoursOf(tx: TenantDb, policy: Pick<SlaPolicy, "businessHours">): Promise<ClockHours> {
  if (!policy.businessHours) return null;
  const { custom: _custom, ...hours } = await getBusinessHours(tx);
  return hours;
}

/** Intervals in a stable order: by weekday, then start. */
const sortWeek = (week: WeeklyInterval[]) => [...week].sort((a, b) => a.day - b.day || a.start - b.start);

export async function saveBusinessHours(tx: TenantDb, actor: Actor, input: { week: WeeklyInterval[]; holidays: string[] }) {
  const week = sortWeek(input.week);
  const holidays = [...new Set(input.holidays)].sort();
  await tx
    .insert(slaBusinessHours)
    .values({ tenantId: actor.tenantId, week, holidays })
    .onConflictDoUpdate({ target: slaBusinessHours.tenantId, set: { week, holidays, updatedAt: new Date() } });
  await recordEvent(tx, actor, { action: "sla.hoursChanged", objectType: "desk", objectId: actor.tenantId, summary: { intervals: week.length, holidays: holidays.length } });
  return getBusinessHours(tx);
}
