import { nextDay, zonedDayStart } from "@/lib/dates";
import { getDesk } from "../kernel/desk";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { users } from "../auth/schema";
import { assertOption } from "../billing/account";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { memberships } from "../staff/schema";
import { tickets, type Ticket } from "../tickets/schema";
import { ratings } from "./schema";

/** Days after a rating was first given during which the customer may change it. */
export const RATING_EDIT_DAYS = 7;

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

/**
 * Per agent and per department (averages of quality and speed, and the share rated 4–5), plus the
 * latest ratings with comments, between two calendar days of the desk's time zone.
 */
export async function ratingsSummary(tx: TenantDb, actor: Actor, days: { from?: string | null; to?: string | null }) {
  assertCanSee(actor);
  // The ratings report is part of Reports: the statistics option.
  await assertOption(tx, "statistics");
  const { timeZone } = await getDesk(tx);
  const range = { from: days.from ? zonedDayStart(days.from, timeZone) : null, to: days.to ? zonedDayStart(nextDay(days.to), timeZone) : null };
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

/**
 * A customer's rating of one public reply. One rating per reply: a second submission changes it,
 * for RATING_EDIT_DAYS after it was first given.
 */
export async function saveRating(
  tx: TenantDb,
  reply: { ticket: Pick<Ticket, "tenantId" | "id" | "departmentId">; messageId: string; agentMembershipId: string | null },
  input: { quality: number; speed: number; comment: string },
) {
  const [existing] = await tx.select().from(ratings).where(eq(ratings.messageId, reply.messageId)).for("update");
  if (existing) {
    if (Date.now() - existing.createdAt.getTime() >= RATING_EDIT_DAYS * 86_400_000) throw new DeskError("CONFLICT", "rating.closed", { params: { days: RATING_EDIT_DAYS } });
    await tx.update(ratings).set({ quality: input.quality, speed: input.speed, comment: input.comment }).where(eq(ratings.id, existing.id));
  } else {
    await tx.insert(ratings).values({
      tenantId: reply.ticket.tenantId,
      messageId: reply.messageId,
      ticketId: reply.ticket.id,
      agentMembershipId: reply.agentMembershipId,
      departmentId: reply.ticket.departmentId,
      quality: input.quality,
      speed: input.speed,
      comment: input.comment,
    });
  }
  return { quality: input.quality, speed: input.speed, comment: input.comment };
}
