import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { users } from "../auth/schema";
import { assertOption } from "../billing/account";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";
import type { Actor } from "../staff/actor";
import { memberships } from "../staff/schema";
import { tickets } from "../tickets/schema";
import { ratings } from "./schema";

/** Ratings are for management: owners and admins, never ordinary agents. */
export const canSeeRatings = (actor: Actor) => actor.access.role === "owner" || actor.access.role === "admin";

function assertCanSee(actor: Actor) {
  if (!canSeeRatings(actor)) throw new DeskError("FORBIDDEN", "permission.denied");
}

const figures = {
  count: sql<number>`count(*)::int`,
  quality: sql<number>`round(avg(${ratings.quality}), 2)::float8`,
  speed: sql<number>`round(avg(${ratings.speed}), 2)::float8`,
  satisfied: sql<number>`(count(*) filter (where ${ratings.quality} >= 4))::int`,
};

/** Per agent and per department (averages of quality and speed, and the share rated 4–5), plus the latest ratings with comments. */
export async function ratingsSummary(tx: TenantDb, actor: Actor, range: { from?: Date | null; to?: Date | null }) {
  assertCanSee(actor);
  // The ratings report is part of Reports: the statistics option.
  await assertOption(tx, "statistics");
  const within = and(range.from ? gte(ratings.createdAt, range.from) : undefined, range.to ? lt(ratings.createdAt, range.to) : undefined);
  const [byAgent, byDepartment, [total], latest] = await Promise.all([
    tx
      .select({ membershipId: ratings.agentMembershipId, name: users.name, ...figures })
      .from(ratings)
      .leftJoin(memberships, eq(memberships.id, ratings.agentMembershipId))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(within)
      .groupBy(ratings.agentMembershipId, users.name)
      .orderBy(desc(figures.count)),
    tx
      .select({ departmentId: ratings.departmentId, name: departments.name, ...figures })
      .from(ratings)
      .innerJoin(departments, eq(departments.id, ratings.departmentId))
      .where(within)
      .groupBy(ratings.departmentId, departments.name)
      .orderBy(desc(figures.count)),
    tx.select(figures).from(ratings).where(within),
    tx
      .select({
        id: ratings.id,
        quality: ratings.quality,
        speed: ratings.speed,
        comment: ratings.comment,
        createdAt: ratings.createdAt,
        updatedAt: ratings.updatedAt,
        ticketId: ratings.ticketId,
        ticketNumber: tickets.number,
        agentName: users.name,
        departmentName: departments.name,
      })
      .from(ratings)
      .innerJoin(tickets, eq(tickets.id, ratings.ticketId))
      .innerJoin(departments, eq(departments.id, ratings.departmentId))
      .leftJoin(memberships, eq(memberships.id, ratings.agentMembershipId))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(within)
      .orderBy(desc(ratings.id))
      .limit(50),
  ]);
  return { total: total!, byAgent, byDepartment, latest };
}

/** The ratings of a ticket's replies, for the ticket page: only management gets them. */
export async function ratingsOfTicket(tx: TenantDb, actor: Actor, ticketId: string) {
  if (!canSeeRatings(actor)) return [];
  return tx
    .select({ messageId: ratings.messageId, quality: ratings.quality, speed: ratings.speed, comment: ratings.comment, updatedAt: ratings.updatedAt })
    .from(ratings)
    .where(eq(ratings.ticketId, ticketId));
}
