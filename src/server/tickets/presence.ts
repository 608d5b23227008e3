import { eq } from "drizzle-orm";
import { users } from "../auth/schema";
import type { TenantDb } from "../db/types";
import type { Actor } from "../kernel/actor";
import { announce } from "../kernel/live";
import { ticketFor } from "./access";

/** "I am looking at (or typing in) this ticket": colleagues who may see it hear of it live. */
export async function announcePresence(tx: TenantDb, actor: Actor, ticketId: string, typing: boolean): Promise<void> {
  const ticket = await ticketFor(tx, actor, ticketId);
  const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  await announce(tx, {
    tenantId: actor.tenantId,
    ticketId: ticket.id,
    departmentId: ticket.departmentId,
    kind: "presence",
    membershipId: actor.membershipId,
    typing,
    name: me?.name ?? "",
  });
}
