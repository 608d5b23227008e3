import { sql } from "drizzle-orm";
import { rowsOf } from "../db/rows";
import type { TenantDb } from "../db/types";
import { inDepartments, within, type ReportScope } from "./scope";

export type Csat = { ratings: number; satisfied: number; csat: number | null };
type Row = { level: "total" | "department" | "agent"; departmentId: string | null; agentId: string | null; ratings: number; satisfied: number };

const csatOf = (ratings: number, satisfied: number): Csat => ({ ratings, satisfied, csat: ratings ? satisfied / ratings : null });

/**
 * CSAT: the share of ratings given in the range with a quality of 4 or 5, overall, per agent and
 * per department (as they were when the reply was written), against the desk's target. Ratings are
 * for owners and admins only (as in the ratings service): an agent's scope gets null, not even the
 * ratings of their own replies.
 */
export async function satisfaction(tx: TenantDb, scope: ReportScope) {
  if (scope.agentId !== null) return null;
  const conditions = [within(sql`r.created_at`, scope), inDepartments(sql`r.department_id`, scope)].filter((c) => c !== undefined);
  const rows = rowsOf<Row>(
    await tx.execute(sql`
      select case when grouping(r.department_id) = 0 then 'department' when grouping(r.agent_membership_id) = 0 then 'agent' else 'total' end as "level",
        r.department_id as "departmentId", r.agent_membership_id as "agentId",
        count(*)::int as "ratings", (count(*) filter (where r.quality >= 4))::int as "satisfied"
      from ratings r
      where ${sql.join(conditions, sql` and `)}
      group by grouping sets ((), (r.department_id), (r.agent_membership_id))`),
  );
  const total = rows.find((r) => r.level === "total");
  return {
    target: scope.csatTarget / 100,
    total: csatOf(total?.ratings ?? 0, total?.satisfied ?? 0),
    byAgent: rows.filter((r) => r.level === "agent").map((r) => ({ agentId: r.agentId, ...csatOf(r.ratings, r.satisfied) })),
    byDepartment: rows.filter((r) => r.level === "department").map((r) => ({ departmentId: r.departmentId!, ...csatOf(r.ratings, r.satisfied) })),
  };
}
