import { sql } from "drizzle-orm";
import { activeSecondsByActor } from "../audit/service";
import { rowsOf } from "../db/rows";
import type { TenantDb } from "../db/types";
import { listStaff } from "../staff/service";
import { countedTickets, within, type ReportScope } from "./scope";

export type StaffStatistics = {
  membershipId: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  /** Tickets assigned to them and solved in the range, or that they replied to in the range. */
  ticketsHandled: number;
  replies: number;
  /** Median first response (seconds) of the tickets assigned to them and created in the range. */
  firstResponseMedian: number | null;
  /** Ratings of their replies and the share rated 4–5: null for an agent reader (ratings are management's). */
  ratings: number | null;
  csat: number | null;
  /** 15-minute periods with any recorded action, in seconds. */
  activeSeconds: number;
};

/**
 * Per person over the range: tickets handled, public replies, median first response, CSAT and time
 * active. Owners and admins get everyone; an agent gets their own row only, without ratings or CSAT
 * (ratings are for owners and admins). The department filter narrows tickets, replies and ratings
 * to those departments.
 */
export async function staffStatistics(tx: TenantDb, scope: ReportScope): Promise<StaffStatistics[]> {
  const mine = scope.agentId ? sql`and m.author_membership_id = ${scope.agentId}::uuid` : sql``;
  // A reply counts wherever it was written (not only on the author's own tickets): the ticket's
  // department is checked, not its assignee.
  const replyDepartments = scope.departmentIds
    ? sql`and exists (select 1 from "tickets" t where t.tenant_id = m.tenant_id and t.id = m.ticket_id and ${countedTickets({ ...scope, agentId: null })})`
    : sql``;
  const [work, responses, ratings, staff, active] = await Promise.all([
    tx
      .execute(sql`
        with replied as (
          select m.author_membership_id as agent_id, m.ticket_id from "ticket_messages" m
          where m.kind = 'reply' and m.author_membership_id is not null and ${within(sql`m.created_at`, scope)} ${mine} ${replyDepartments}
        ), solved as (
          select t.assignee_membership_id as agent_id, t.id as ticket_id from "tickets" t
          where t.assignee_membership_id is not null and ${within(sql`t.solved_at`, scope)} and ${countedTickets(scope)}
        )
        select agent_id as "agentId", count(distinct ticket_id)::int as "handled", (count(*) filter (where reply))::int as "replies"
        from (select agent_id, ticket_id, true as reply from replied union all select agent_id, ticket_id, false from solved) h
        group by agent_id`)
      .then(rowsOf<{ agentId: string; handled: number; replies: number }>),
    tx
      .execute(sql`
        select t.assignee_membership_id as "agentId",
          (percentile_cont(0.5) within group (order by extract(epoch from t.first_response_at - t.created_at)))::float8 as "median"
        from "tickets" t
        where t.assignee_membership_id is not null and t.first_response_at is not null and ${within(sql`t.created_at`, scope)} and ${countedTickets(scope)}
        group by 1`)
      .then(rowsOf<{ agentId: string; median: number | null }>),
    scope.agentId !== null
      ? Promise.resolve<{ agentId: string; ratings: number; satisfied: number }[]>([])
      : tx
          .execute(sql`
            select r.agent_membership_id as "agentId", count(*)::int as "ratings", (count(*) filter (where r.quality >= 4))::int as "satisfied"
            from ratings r
            where r.agent_membership_id is not null and ${within(sql`r.created_at`, scope)}
              ${scope.departmentIds ? sql`and r.department_id in (${sql.join(scope.departmentIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
            group by 1`)
          .then(rowsOf<{ agentId: string; ratings: number; satisfied: number }>),
    listStaff(tx),
    activeSecondsByActor(tx, scope.from, scope.to),
  ]);
  const byAgent = <T extends { agentId: string }>(rows: T[]) => new Map(rows.map((r) => [r.agentId, r]));
  const [workOf, responseOf, ratingOf] = [byAgent(work), byAgent(responses), byAgent(ratings)];
  const ratingsShown = scope.agentId === null;
  return staff
    .filter((person) => !scope.agentId || person.membershipId === scope.agentId)
    .map((person) => {
      const rating = ratingOf.get(person.membershipId);
      return {
        membershipId: person.membershipId,
        name: person.name,
        email: person.email,
        role: person.role,
        active: person.active,
        ticketsHandled: workOf.get(person.membershipId)?.handled ?? 0,
        replies: workOf.get(person.membershipId)?.replies ?? 0,
        firstResponseMedian: responseOf.get(person.membershipId)?.median ?? null,
        ratings: ratingsShown ? (rating?.ratings ?? 0) : null,
        csat: ratingsShown && rating?.ratings ? rating.satisfied / rating.ratings : null,
        activeSeconds: active.get(person.userId) ?? 0,
      };
    });
}
