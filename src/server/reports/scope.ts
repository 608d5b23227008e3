import { sql, type SQL } from "drizzle-orm";
import { nextDay, zonedDayStart } from "@/lib/dates";
import { assertOption } from "../billing/account";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import type { ReportFilter } from "./inputs";
import { getDesk } from "../kernel/desk";

/** What one report reads: instants of the desk's days, the departments, and whose work. */
export type ReportScope = {
  timeZone: string;
  fromDay: string;
  toDay: string;
  from: Date;
  to: Date;
  /** The chosen department and its sub-departments; null for the whole desk. */
  departmentIds: string[] | null;
  /** null: the whole desk (owners, admins); otherwise the agent's own membership. */
  agentId: string | null;
  csatTarget: number;
};

/**
 * Reports need the statistics option; owners and admins read the desk, everyone else only their
 * own work (tickets assigned to them, their replies), and no ratings: those are management's.
 */
export async function reportScope(tx: TenantDb, actor: Actor, filter: ReportFilter): Promise<ReportScope> {
  if (!can(actor.access, "reports.own")) throw new DeskError("FORBIDDEN", "permission.denied");
  await assertOption(tx, "statistics");
  const desk = await getDesk(tx);
  let departmentIds: string[] | null = null;
  if (filter.departmentId) {
    const all = await tx.select({ id: departments.id, parentId: departments.parentId }).from(departments);
    if (!all.some((d) => d.id === filter.departmentId)) throw new DeskError("BAD_REQUEST", "department.notFound", { fields: { departmentId: "department.notFound" } });
    departmentIds = subtree(all, filter.departmentId);
  }
  return {
    timeZone: desk.timeZone,
    fromDay: filter.from,
    toDay: filter.to,
    from: zonedDayStart(filter.from, desk.timeZone),
    to: zonedDayStart(nextDay(filter.to), desk.timeZone),
    departmentIds,
    agentId: can(actor.access, "reports.read") ? null : actor.membershipId,
    csatTarget: desk.csatTarget,
  };
}

/** A department and everything below it. */
export function subtree(all: { id: string; parentId: string | null }[], rootId: string): string[] {
  const found = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of all) {
      if (d.parentId && found.has(d.parentId) && !found.has(d.id)) {
        found.add(d.id);
        grew = true;
      }
    }
  }
  return [...found];
}

const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * Tickets that count in reports (alias `t`): not in the trash, not held, not merged into another;
 * in the chosen departments, and the agent's own when the reader is an agent.
 */
export function countedTickets(scope: ReportScope): SQL {
  return sql.join(
    [
      sql`t.deleted_at is null and t.held_reason is null and t.merged_into_ticket_id is null`,
      scope.departmentIds ? sql`t.department_id in (${uuidList(scope.departmentIds)})` : undefined,
      scope.agentId ? sql`t.assignee_membership_id = ${scope.agentId}::uuid` : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
}

/** `column` (a timestamptz) within the scope's range. */
export const within = (column: SQL, scope: ReportScope): SQL => sql`${column} >= ${scope.from.toISOString()}::timestamptz and ${column} < ${scope.to.toISOString()}::timestamptz`;

/** `column` as the desk's wall-clock time. */
export const local = (column: SQL, scope: ReportScope): SQL => sql`(${column} at time zone ${scope.timeZone}::text)`;

export const inDepartments = (column: SQL, scope: ReportScope): SQL | undefined => (scope.departmentIds ? sql`${column} in (${uuidList(scope.departmentIds)})` : undefined);
