import { eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import type { Ticket } from "../tickets/schema";
import { businessMinutesBetween } from "./clock";
import { clockHoursOf, getBusinessHours } from "./hours";
import { slaPolicies } from "./schema";
import { slaKinds } from "./values";

export const dueColumnOf = { first_response: "slaFirstResponseDueAt", next_response: "slaNextResponseDueAt", resolution: "slaResolutionDueAt" } as const;

/** A clock shows amber when less than this share of its target is left. */
export const WARNING_SHARE = 0.25;

const targetOf = { first_response: "firstResponseMinutes", next_response: "nextResponseMinutes", resolution: "resolutionMinutes" } as const;

/**
 * The ticket's clocks as the ticket page shows them: each target of its policy with its deadline,
 * the clock time left (business time when the policy counts business hours; negative once
 * overdue), and whether it is paused, met or breached.
 */
export async function slaClocksOf(tx: TenantDb, ticket: Ticket, now = new Date()) {
  const { timeZone } = await getBusinessHours(tx);
  const [policy] = ticket.slaPolicyId ? await tx.select().from(slaPolicies).where(eq(slaPolicies.id, ticket.slaPolicyId)) : [];
  if (!policy) {
    // No policy applies (any more): what was missed stays visible.
    const missed = slaKinds.filter((kind) => ticket.slaBreaches.includes(kind));
    return { timeZone, businessHours: false, paused: false, clocks: missed.map((kind) => ({ kind, dueAt: null, targetMinutes: null, remainingMinutes: null, state: "stopped" as const, breached: true, warning: false })) };
  }
  const hours = await clockHoursOf(tx, policy);
  const reference = ticket.slaPausedAt ?? now;
  const clocks = slaKinds
    .filter((kind) => policy[targetOf[kind]] !== null || ticket.slaBreaches.includes(kind))
    .map((kind) => {
      const dueAt = ticket[dueColumnOf[kind]];
      const targetMinutes = policy[targetOf[kind]];
      const breached = ticket.slaBreaches.includes(kind) || Boolean(dueAt && !ticket.slaPausedAt && dueAt <= now);
      const remainingMinutes = dueAt
        ? dueAt > reference
          ? Math.round(businessMinutesBetween(reference, dueAt, hours))
          : -Math.round((reference.getTime() - dueAt.getTime()) / 60_000)
        : null;
      const state: "stopped" | "paused" | "running" = !dueAt ? "stopped" : ticket.slaPausedAt ? "paused" : "running";
      const warning = state !== "stopped" && !breached && remainingMinutes !== null && targetMinutes !== null && remainingMinutes < targetMinutes * WARNING_SHARE;
      return { kind, dueAt, targetMinutes, remainingMinutes, state, breached, warning };
    });
  return { timeZone, businessHours: policy.businessHours, paused: Boolean(ticket.slaPausedAt), clocks };
}

export type SlaClocksView = Awaited<ReturnType<typeof slaClocksOf>>;
