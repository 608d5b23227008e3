import { daysInRange, nextDay, zonedDayStart } from "@/lib/dates";
import { countActionsByActor } from "../audit/service";
import type { TenantDb } from "../db/types";
import { listStaff } from "./service";
import { getDesk } from "../kernel/desk";

export type StaffActivity = {
  membershipId: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  lastSeenAt: Date | null;
  actions: number;
  actionsPerDay: number;
};

/**
 * Activity per person over calendar days of the desk's time zone, both ends included.
 * Tickets answered and response times join this table when tickets exist.
 */
export async function staffActivity(tx: TenantDb, range: { from: string; to: string }): Promise<StaffActivity[]> {
  const desk = await getDesk(tx);
  const from = zonedDayStart(range.from, desk.timeZone);
  const to = zonedDayStart(nextDay(range.to), desk.timeZone);
  const [staff, counts] = await Promise.all([listStaff(tx), countActionsByActor(tx, from, to)]);
  const days = Math.max(1, daysInRange(range.from, range.to));
  return staff.map((person) => {
    const actions = counts.get(person.userId) ?? 0;
    return {
      membershipId: person.membershipId,
      name: person.name,
      email: person.email,
      role: person.role,
      active: person.active,
      lastSeenAt: person.lastSeenAt,
      actions,
      actionsPerDay: Math.round((actions / days) * 10) / 10,
    };
  });
}
