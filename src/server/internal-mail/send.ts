import { and, eq } from "drizzle-orm";
import { assertOption } from "../billing/account";
import { newId } from "../db/columns";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { listStaff } from "../staff/service";
import { ticketByNumber } from "../tickets/access";
import type { ReplyInput, StartThreadInput } from "./inputs";
import { announceInternalMail } from "./live";
import { internalMessages, internalParticipants, internalThreads } from "./schema";
import { participation } from "./threads";
import { recordEvent } from "../kernel/events";

const refuse = (field: string, key: string) => new DeskError("BAD_REQUEST", key, { fields: { [field]: key } });

/** The colleagues a message goes to: active members of this desk, never only oneself. */
async function recipientsOf(tx: TenantDb, actor: Actor, ids: string[]): Promise<string[]> {
  const others = [...new Set(ids)].filter((id) => id !== actor.membershipId);
  if (others.length === 0) throw refuse("recipients", "internalMail.recipientsRequired");
  const staff = new Map((await listStaff(tx)).map((member) => [member.membershipId, member]));
  for (const id of others) {
    const member = staff.get(id);
    if (!member) throw refuse("recipients", "internalMail.recipientNotFound");
    if (!member.active) throw refuse("recipients", "internalMail.recipientInactive");
  }
  return others;
}

/** The ticket a new thread is about: only one the sender may see. */
async function linkedTicket(tx: TenantDb, actor: Actor, number: number | null | undefined): Promise<string | null> {
  if (number === null || number === undefined) return null;
  try {
    return (await ticketByNumber(tx, actor, number)).id;
  } catch (error) {
    if (error instanceof DeskError && error.code === "NOT_FOUND") {
      throw new DeskError("BAD_REQUEST", "internalMail.ticketNotFound", { fields: { ticketNumber: "internalMail.ticketNotFound" }, cause: error });
    }
    throw error;
  }
}

/** Starts a thread with one or more colleagues; the sender has read their own message. */
export async function startThread(tx: TenantDb, actor: Actor, input: StartThreadInput): Promise<{ threadId: string }> {
  await assertOption(tx, "internal_mail");
  const recipients = await recipientsOf(tx, actor, input.recipients);
  const ticketId = await linkedTicket(tx, actor, input.ticketNumber);
  const threadId = newId();
  const messageId = newId();
  const now = new Date();
  await tx.insert(internalThreads).values({
    tenantId: actor.tenantId,
    id: threadId,
    subject: input.subject,
    ticketId,
    createdByMembershipId: actor.membershipId,
    lastMessageAt: now,
  });
  await tx.insert(internalMessages).values({ tenantId: actor.tenantId, id: messageId, threadId, authorMembershipId: actor.membershipId, body: input.body, createdAt: now });
  await tx.insert(internalParticipants).values([
    { tenantId: actor.tenantId, threadId, membershipId: actor.membershipId, lastMessageId: messageId, lastReadMessageId: messageId, lastReadAt: now },
    ...recipients.map((membershipId) => ({ tenantId: actor.tenantId, threadId, membershipId, lastMessageId: messageId })),
  ]);
  // Who wrote to whom and when; never the subject or the text, which only participants may read.
  await recordEvent(tx, actor, {
    action: "internalMail.sent",
    objectType: "internal_thread",
    objectId: threadId,
    summary: { recipients, ticketId },
  });
  await announceInternalMail(tx, { tenantId: actor.tenantId, threadId, kind: "message", membershipIds: [actor.membershipId, ...recipients] });
  return { threadId };
}

/** A reply from a participant; everyone else in the thread has it unread. */
export async function replyToThread(tx: TenantDb, actor: Actor, input: ReplyInput): Promise<{ messageId: string }> {
  await assertOption(tx, "internal_mail");
  await participation(tx, actor, input.threadId);
  // One reply at a time per thread, so the newest message id only ever grows.
  await tx.select({ id: internalThreads.id }).from(internalThreads).where(eq(internalThreads.id, input.threadId)).for("update");
  const messageId = newId();
  const now = new Date();
  await tx.insert(internalMessages).values({ tenantId: actor.tenantId, id: messageId, threadId: input.threadId, authorMembershipId: actor.membershipId, body: input.body, createdAt: now });
  await tx.update(internalThreads).set({ lastMessageAt: now }).where(eq(internalThreads.id, input.threadId));
  const participants = await tx
    .update(internalParticipants)
    .set({ lastMessageId: messageId })
    .where(eq(internalParticipants.threadId, input.threadId))
    .returning({ membershipId: internalParticipants.membershipId });
  await tx
    .update(internalParticipants)
    .set({ lastReadMessageId: messageId, lastReadAt: now })
    .where(and(eq(internalParticipants.threadId, input.threadId), eq(internalParticipants.membershipId, actor.membershipId)));
  await recordEvent(tx, actor, {
    action: "internalMail.replied",
    objectType: "internal_thread",
    objectId: input.threadId,
    summary: { recipients: participants.map((p) => p.membershipId).filter((id) => id !== actor.membershipId) },
  });
  await announceInternalMail(tx, { tenantId: actor.tenantId, threadId: input.threadId, kind: "message", membershipIds: participants.map((p) => p.membershipId) });
  return { messageId };
}

