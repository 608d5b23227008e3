import { and, asc, eq } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { recordEvent } from "../kernel/events";
import { announce } from "../kernel/live";
import { customers } from "../customers/schema";
import { ticketFor } from "./access";
import { ticketFollowers, type Ticket } from "./schema";
import { addTimeline } from "./timeline";

/** Most followers a ticket keeps (a mail with a hundred in Cc does not make a hundred). */
export const MAX_FOLLOWERS = 20;

export async function listFollowers(tx: TenantDb, ticketId: string) {
  return tx.select({ email: ticketFollowers.email, name: ticketFollowers.name, addedBy: ticketFollowers.addedBy, createdAt: ticketFollowers.createdAt }).from(ticketFollowers).where(eq(ticketFollowers.ticketId, ticketId)).orderBy(asc(ticketFollowers.createdAt));
}

export async function isFollower(tx: TenantDb, ticketId: string, email: string): Promise<boolean> {
  const [row] = await tx.select({ email: ticketFollowers.email }).from(ticketFollowers).where(and(eq(ticketFollowers.ticketId, ticketId), eq(ticketFollowers.email, email.toLowerCase())));
  return Boolean(row);
}

/**
 * Adds people to a ticket's followers (those in To or Cc of the customer's mail, or whom an agent
 * adds): never the requester, never twice, at most MAX_FOLLOWERS. Returns who was added.
 */
export async function addFollowers(tx: TenantDb, ticket: Ticket, people: { email: string; name?: string | null }[], by: { addedBy: "mail" | "agent"; actorMembershipId: string | null }): Promise<string[]> {
  const [requester] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, ticket.customerId));
  const current = await listFollowers(tx, ticket.id);
  const known = new Set([requester?.email.toLowerCase(), ...current.map((f) => f.email)]);
  const added: string[] = [];
  for (const person of people) {
    const email = person.email.trim().toLowerCase();
    if (!email || known.has(email) || current.length + added.length >= MAX_FOLLOWERS) continue;
    known.add(email);
    await tx.insert(ticketFollowers).values({ tenantId: ticket.tenantId, ticketId: ticket.id, email, name: person.name?.trim().slice(0, 120) || null, addedBy: by.addedBy }).onConflictDoNothing();
    added.push(email);
  }
  if (added.length) await addTimeline(tx, ticket, by.actorMembershipId, "followers_added", { emails: added, by: by.addedBy });
  return added;
}

/** An agent adds a follower to a ticket they may reply on. */
export async function addFollowerByAgent(tx: TenantDb, actor: Actor, ticketId: string, person: { email: string; name?: string | null }) {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.reply");
  const added = await addFollowers(tx, ticket, [person], { addedBy: "agent", actorMembershipId: actor.membershipId });
  if (!added.length) throw new DeskError("CONFLICT", "follower.notAdded");
  await recordEvent(tx, actor, { action: "ticket.followerAdded", objectType: "ticket", objectId: ticket.id, summary: { number: ticket.number, email: added[0] } });
  await announce(tx, { tenantId: ticket.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "updated" });
}

/** An agent removes a follower: they get no more replies and their mail opens tickets of their own. */
export async function removeFollower(tx: TenantDb, actor: Actor, ticketId: string, email: string) {
  const ticket = await ticketFor(tx, actor, ticketId, "ticket.reply");
  const removed = await tx.delete(ticketFollowers).where(and(eq(ticketFollowers.ticketId, ticket.id), eq(ticketFollowers.email, email.toLowerCase()))).returning({ email: ticketFollowers.email });
  if (!removed.length) throw new DeskError("NOT_FOUND", "follower.notFound");
  await addTimeline(tx, ticket, actor.membershipId, "follower_removed", { email: removed[0]!.email });
  await recordEvent(tx, actor, { action: "ticket.followerRemoved", objectType: "ticket", objectId: ticket.id, summary: { number: ticket.number, email: removed[0]!.email } });
  await announce(tx, { tenantId: ticket.tenantId, ticketId: ticket.id, departmentId: ticket.departmentId, kind: "updated" });
}
