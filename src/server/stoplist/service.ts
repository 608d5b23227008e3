import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { stopListEntries, type StopListEntry } from "./schema";
import { recordEvent } from "../kernel/events";
import { type StopKind } from "./values";

function assertManage(actor: Actor) {
  if (!can(actor.access, "desk.settings")) throw new DeskError("FORBIDDEN", "permission.denied");
}

export async function listStopList(tx: TenantDb, actor: Actor) {
  assertManage(actor);
  return tx.select().from(stopListEntries).orderBy(asc(stopListEntries.kind), asc(stopListEntries.value));
}

export async function addStopListEntry(tx: TenantDb, actor: Actor, entry: { kind: StopKind; value: string }) {
  assertManage(actor);
  const value = entry.value.trim().toLowerCase().replace(/^@/, "");
  const [row] = await tx
    .insert(stopListEntries)
    .values({ tenantId: actor.tenantId, kind: entry.kind, value, createdByMembershipId: actor.membershipId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DeskError("CONFLICT", "stopList.duplicate", { fields: { value: "stopList.duplicate" } });
  await recordEvent(tx, actor, { action: "stopList.added", objectType: "stopList", objectId: row.id, summary: { kind: row.kind, value: row.value } });
  return row;
}

export async function removeStopListEntry(tx: TenantDb, actor: Actor, id: string) {
  assertManage(actor);
  const [row] = await tx.delete(stopListEntries).where(eq(stopListEntries.id, id)).returning();
  if (!row) throw new DeskError("NOT_FOUND", "stopList.notFound");
  await recordEvent(tx, actor, { action: "stopList.removed", objectType: "stopList", objectId: row.id, summary: { kind: row.kind, value: row.value } });
}

/**
 * The first stop-list entry that matches a new ticket: its sender's email or domain (a domain also
 * matches its subdomains), the sender's IP, or a word or phrase in the subject or message (whole
 * words, case-insensitive). Null when none does.
 */
export async function stopListMatch(tx: TenantDb, sender: { email: string; ip?: string | null; text: string }): Promise<StopListEntry | null> {
  const email = sender.email.trim().toLowerCase();
  const domain = email.split("@")[1] ?? "";
  const domains = domain.split(".").map((_, i, parts) => parts.slice(i).join(".")).filter((d) => d.includes("."));
  const candidates = await tx
    .select()
    .from(stopListEntries)
    .where(
      or(
        and(eq(stopListEntries.kind, "email"), eq(stopListEntries.value, email)),
        domains.length ? and(eq(stopListEntries.kind, "domain"), inArray(stopListEntries.value, domains)) : undefined,
        sender.ip ? and(eq(stopListEntries.kind, "ip"), eq(stopListEntries.value, sender.ip.toLowerCase())) : undefined,
        eq(stopListEntries.kind, "word"),
      ),
    );
  const text = sender.text.toLowerCase();
  return candidates.find((entry) => entry.kind !== "word" || containsWord(text, entry.value)) ?? null;
}

/** Whole-word (or whole-phrase) match, Unicode-aware: "spam" matches "SPAM!" but not "spammer". */
function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}
