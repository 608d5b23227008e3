import { sql } from "drizzle-orm";
import { rowsOf } from "../db/rows";
import type { TenantDb } from "../db/types";
import { countedTickets, within, type ReportScope } from "./scope";

/** Medians and 90th percentiles, in seconds; null where no ticket had one. */
export type TimeFigures = {
  tickets: number;
  responded: number;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  solved: number;
  resolutionMedian: number | null;
  resolutionP90: number | null;
  /** Tickets an SLA policy applied to, those that never breached it, and the share that did not. */
  slaTickets: number;
  slaMet: number;
  slaCompliance: number | null;
};

type Row = TimeFigures & { level: "total" | "department" | "agent"; departmentId: string | null; agentId: string | null };

/**
 * First-response and resolution times of the tickets created in the range, and SLA compliance
 * (of those with a policy, the share with no breach): overall, per department and per assigned
 * agent, in one pass (grouping sets).
 */
export async function responseTimes(tx: TenantDb, scope: ReportScope) {
  const rows = rowsOf<Row>(
    await tx.execute(sql`
      with picked as (
        select t.department_id, t.assignee_membership_id as agent_id,
          extract(epoch from t.first_response_at - t.created_at)::float8 as response,
          extract(epoch from t.solved_at - t.created_at)::float8 as resolution,
          t.sla_policy_id is not null as sla, t.sla_policy_id is not null and t.sla_breaches = '{}' as sla_met
        from "tickets" t where ${within(sql`t.created_at`, scope)} and ${countedTickets(scope)}
      )
      select case when grouping(department_id) = 0 then 'department' when grouping(agent_id) = 0 then 'agent' else 'total' end as "level",
        department_id as "departmentId", agent_id as "agentId",
        count(*)::int as "tickets",
        count(response)::int as "responded",
        (percentile_cont(0.5) within group (order by response))::float8 as "firstResponseMedian",
        (percentile_cont(0.9) within group (order by response))::float8 as "firstResponseP90",
        count(resolution)::int as "solved",
        (percentile_cont(0.5) within group (order by resolution))::float8 as "resolutionMedian",
        (percentile_cont(0.9) within group (order by resolution))::float8 as "resolutionP90",
        (count(*) filter (where sla))::int as "slaTickets", (count(*) filter (where sla_met))::int as "slaMet"
      from picked
      group by grouping sets ((), (department_id), (agent_id))`),
  );
  const figures = ({ level: _l, departmentId: _d, agentId: _a, ...rest }: Omit<Row, "slaCompliance">): TimeFigures => ({
    ...rest,
    slaCompliance: rest.slaTickets ? rest.slaMet / rest.slaTickets : null,
  });
  const total = rows.find((r) => r.level === "total");
  return {
    total: total
      ? figures(total)
      : { tickets: 0, responded: 0, firstResponseMedian: null, firstResponseP90: null, solved: 0, resolutionMedian: null, resolutionP90: null, slaTickets: 0, slaMet: 0, slaCompliance: null },
    byDepartment: rows.filter((r) => r.level === "department").map((r) => ({ departmentId: r.departmentId!, ...figures(r) })),
    byAgent: rows.filter((r) => r.level === "agent").map((r) => ({ agentId: r.agentId, ...figures(r) })),
  };
}
