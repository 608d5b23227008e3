import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { users } from "../auth/schema";
import { assertOption, hasOption } from "../billing/account";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { memberships } from "../staff/schema";
import { can } from "../kernel/permissions";
import { listStaff } from "../staff/service";
import { ticketFor } from "../tickets/access";
import { announceInternalMail } from "./live";
import { internalMessages, internalParticipants, internalThreads } from "./schema";

/** Messages shown when a thread is opened: the newest this many. */
const threadMessagesShown = 500;
const previewLength = 160;

const unread = sql<boolean>`${internalParticipants.lastReadMessageId} is distinct from ${internalParticipants.lastMessageId}`;

/**
 * The caller's place in a thread. Anyone who is not a participant — an owner included — gets
 * NOT_FOUND, the same answer as for a thread that does not exist.
 */
export async function participation(tx: TenantDb, actor: Actor, threadId: string) {
  const [row] = await tx
    .select()
    .from(internalParticipants)
    .where(and(eq(internalParticipants.threadId, threadId), eq(internalParticipants.membershipId, actor.membershipId)));
  if (!row) throw new DeskError("NOT_FOUND", "internalMail.notFound");
  return row;
}

type Person = { membershipId: string; name: string; avatarColor: string; active: boolean };

async function participantsOf(tx: TenantDb, threadIds: string[]): Promise<Map<string, Person[]>> {
  const byThread = new Map<string, Person[]>();
  if (threadIds.length === 0) return byThread;
  const rows = await tx
    .select({
      threadId: internalParticipants.threadId,
      membershipId: internalParticipants.membershipId,
      name: users.name,
      avatarColor: users.avatarColor,
      active: memberships.active,
    })
    .from(internalParticipants)
    .innerJoin(memberships, eq(memberships.id, internalParticipants.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(internalParticipants.threadId, threadIds))
    .orderBy(asc(users.name));
  for (const { threadId, ...person } of rows) byThread.set(threadId, [...(byThread.get(threadId) ?? []), person]);
  return byThread;
}

/**
 * The caller's threads, the most recent conversation first, keyset-paginated on the newest
 * message id (UUID v7: time order), so a deep page costs what the first does.
 */
export async function listThreads(tx: TenantDb, actor: Actor, page: { cursor: string | null; limit: number }) {
  const rows = await tx
    .select({
      id: internalThreads.id,
      subject: internalThreads.subject,
      hasTicket: sql<boolean>`${internalThreads.ticketId} is not null`,
      lastMessageId: internalParticipants.lastMessageId,
      lastMessageAt: internalThreads.lastMessageAt,
      unread,
      preview: sql<string>`left(${internalMessages.body}, ${previewLength})`,
      lastAuthorMembershipId: internalMessages.authorMembershipId,
    })
    .from(internalParticipants)
    .innerJoin(internalThreads, eq(internalThreads.id, internalParticipants.threadId))
    .innerJoin(internalMessages, eq(internalMessages.id, internalParticipants.lastMessageId))
    .where(and(eq(internalParticipants.membershipId, actor.membershipId), page.cursor ? lt(internalParticipants.lastMessageId, page.cursor) : undefined))
    .orderBy(desc(internalParticipants.lastMessageId))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const people = await participantsOf(tx, shown.map((r) => r.id));
  const threads = shown.map(({ lastMessageId: _last, ...thread }) => {
    const everyone = people.get(thread.id) ?? [];
    return {
      ...thread,
      participants: everyone.filter((p) => p.membershipId !== actor.membershipId),
      lastAuthorName: everyone.find((p) => p.membershipId === thread.lastAuthorMembershipId)?.name ?? null,
      lastFromMe: thread.lastAuthorMembershipId === actor.membershipId,
    };
  });
  return { threads, nextCursor: more ? shown[shown.length - 1]!.lastMessageId : null };
}

/**
 * What a participant may know of the linked ticket: its number and subject if they may see the
 * ticket themselves, otherwise only that there is one.
 */
async function ticketLink(tx: TenantDb, actor: Actor, ticketId: string | null) {
  if (!ticketId) return null;
  try {
    const ticket = await ticketFor(tx, actor, ticketId);
    return { visible: true as const, id: ticket.id, number: ticket.number, subject: ticket.subject };
  } catch (error) {
    if (error instanceof DeskError && error.code === "NOT_FOUND") return { visible: false as const };
    throw error;
  }
}

/** One thread with its messages, for a participant. Reading it does not mark it read (markRead does). */
export async function getThread(tx: TenantDb, actor: Actor, threadId: string) {
  const me = await participation(tx, actor, threadId);
  const [thread] = await tx.select().from(internalThreads).where(eq(internalThreads.id, threadId));
  if (!thread) throw new DeskError("NOT_FOUND", "internalMail.notFound");
  const newest = await tx
    .select({ id: internalMessages.id, authorMembershipId: internalMessages.authorMembershipId, body: internalMessages.body, createdAt: internalMessages.createdAt })
    .from(internalMessages)
    .where(eq(internalMessages.threadId, threadId))
    .orderBy(desc(internalMessages.id))
    .limit(threadMessagesShown + 1);
  const everyone = (await participantsOf(tx, [threadId])).get(threadId) ?? [];
  const names = new Map(everyone.map((p) => [p.membershipId, p.name]));
  return {
    id: thread.id,
    subject: thread.subject,
    createdAt: thread.createdAt,
    ticket: await ticketLink(tx, actor, thread.ticketId),
    /** The other participants (the caller knows they are in it). */
    participants: everyone.filter((p) => p.membershipId !== actor.membershipId),
    olderHidden: newest.length > threadMessagesShown,
    lastReadMessageId: me.lastReadMessageId,
    messages: newest
      .slice(0, threadMessagesShown)
      .reverse()
      .map((m) => ({ ...m, authorName: names.get(m.authorMembershipId) ?? null, mine: m.authorMembershipId === actor.membershipId })),
  };
}

/** "I have read it": up to the newest message. Tells the reader's other tabs to update the badge. */
export async function markRead(tx: TenantDb, actor: Actor, threadId: string): Promise<{ changed: boolean }> {
  await participation(tx, actor, threadId);
  const changed = await tx
    .update(internalParticipants)
    .set({ lastReadMessageId: internalParticipants.lastMessageId, lastReadAt: new Date() })
    .where(and(eq(internalParticipants.threadId, threadId), eq(internalParticipants.membershipId, actor.membershipId), unread))
    .returning({ threadId: internalParticipants.threadId });
  if (changed.length > 0) await announceInternalMail(tx, { tenantId: actor.tenantId, threadId, kind: "read", membershipIds: [actor.membershipId] });
  return { changed: changed.length > 0 };
}

/**
 * For the navigation badge and the page: whether the desk has internal mail, whether the caller
 * could turn it on (the owner), and how many of their threads have unread messages.
 */
export async function mailboxState(tx: TenantDb, actor: Actor) {
  const enabled = await hasOption(tx, "internal_mail");
  const canEnable = can(actor.access, "desk.billing");
  if (!enabled) return { enabled, canEnable, unread: 0 };
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(internalParticipants)
    .where(and(eq(internalParticipants.membershipId, actor.membershipId), unread));
  return { enabled, canEnable, unread: row?.n ?? 0 };
}

/** Who the caller can write to: the desk's other active members. */
export async function listColleagues(tx: TenantDb, actor: Actor) {
  await assertOption(tx, "internal_mail");
  const staff = await listStaff(tx);
  return staff
    .filter((member) => member.active && member.membershipId !== actor.membershipId)
    .map(({ membershipId, name, avatarColor, role }) => ({ membershipId, name, avatarColor, role }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
