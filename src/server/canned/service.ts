import { and, asc, eq, isNull, or } from "drizzle-orm";
import { unknownMacros } from "@/lib/macros";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { cannedReplies, type CannedReply } from "./schema";
import { recordEvent } from "../kernel/events";
import { type TicketStatus } from "../tickets/values";

export type CannedInput = { title: string; folder: string; body: string; shared: boolean; setStatus: TicketStatus | null; addTags: string[] };

/** The desk's shared replies and the caller's own, by folder and title. */
export async function listCanned(tx: TenantDb, actor: Actor): Promise<(CannedReply & { shared: boolean; editable: boolean })[]> {
  const rows = await tx
    .select()
    .from(cannedReplies)
    .where(or(isNull(cannedReplies.ownerMembershipId), eq(cannedReplies.ownerMembershipId, actor.membershipId)))
    .orderBy(asc(cannedReplies.folder), asc(cannedReplies.title));
  return rows.map((row) => ({ ...row, shared: row.ownerMembershipId === null, editable: row.ownerMembershipId === actor.membershipId || can(actor.access, "desk.settings") }));
}

function assertMacros(body: string) {
  const unknown = unknownMacros(body);
  if (unknown.length) throw new DeskError("BAD_REQUEST", "macros.unknown", { fields: { body: "macros.unknown" }, params: { macros: unknown.map((m) => `{{${m}}}`).join(", ") } });
}

/** Shared replies are the desk's: only owners and admins write them. */
function assertMayWrite(actor: Actor, shared: boolean) {
  if (shared && !can(actor.access, "desk.settings")) throw new DeskError("FORBIDDEN", "canned.sharedAdminsOnly");
}

export async function createCanned(tx: TenantDb, actor: Actor, input: CannedInput): Promise<CannedReply> {
  assertMayWrite(actor, input.shared);
  assertMacros(input.body);
  const [row] = await tx
    .insert(cannedReplies)
    .values({
      tenantId: actor.tenantId,
      ownerMembershipId: input.shared ? null : actor.membershipId,
      title: input.title,
      folder: input.folder,
      body: input.body,
      setStatus: input.setStatus,
      addTags: input.addTags,
    })
    .returning();
  await recordEvent(tx, actor, { action: "canned.created", objectType: "canned", objectId: row!.id, summary: { name: input.title, shared: input.shared } });
  return row!;
}

async function editable(tx: TenantDb, actor: Actor, id: string): Promise<CannedReply> {
  const [row] = await tx
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.id, id), or(isNull(cannedReplies.ownerMembershipId), eq(cannedReplies.ownerMembershipId, actor.membershipId))));
  if (!row) throw new DeskError("NOT_FOUND", "canned.notFound");
  assertMayWrite(actor, row.ownerMembershipId === null);
  return row;
}

export async function updateCanned(tx: TenantDb, actor: Actor, id: string, input: CannedInput): Promise<void> {
  await editable(tx, actor, id);
  assertMayWrite(actor, input.shared);
  assertMacros(input.body);
  await tx
    .update(cannedReplies)
    .set({ title: input.title, folder: input.folder, body: input.body, setStatus: input.setStatus, addTags: input.addTags, ownerMembershipId: input.shared ? null : actor.membershipId })
    .where(eq(cannedReplies.id, id));
  await recordEvent(tx, actor, { action: "canned.updated", objectType: "canned", objectId: id, summary: { name: input.title } });
}

export async function deleteCanned(tx: TenantDb, actor: Actor, id: string): Promise<void> {
  const row = await editable(tx, actor, id);
  await tx.delete(cannedReplies).where(eq(cannedReplies.id, id));
  await recordEvent(tx, actor, { action: "canned.deleted", objectType: "canned", objectId: id, summary: { name: row.title } });
}
