import { ticketTag } from "@/lib/ticket-tag";
import { and, eq, inArray } from "drizzle-orm";
import { baseUrl } from "@/env";
import { users } from "../auth/schema";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import { enqueueMail } from "../outbox/outbox";
import { mailTranslator } from "../outbox/translate";
import type { Ticket } from "../tickets/schema";
import type { Actor } from "../kernel/actor";
import { can, effectiveGrants } from "../kernel/permissions";
import { departmentGrants, memberships } from "./schema";

/** The person's choices of staff mail on this desk. */
export async function getNotifications(tx: TenantDb, actor: Actor) {
  const [row] = await tx
    .select({ newTickets: memberships.notifyNewTickets, assigned: memberships.notifyAssigned })
    .from(memberships)
    .where(eq(memberships.id, actor.membershipId));
  return row!;
}

export async function setNotifications(tx: TenantDb, actor: Actor, input: { newTickets: boolean; assigned: boolean }) {
  await tx.update(memberships).set({ notifyNewTickets: input.newTickets, notifyAssigned: input.assigned }).where(eq(memberships.id, actor.membershipId));
  return getNotifications(tx, actor);
}

async function staffMail(tx: TenantDb, tenantId: string, ticket: Ticket, people: { email: string; locale: "en" | "ru" }[], kind: "newTicket" | "assigned", actorName: string) {
  if (!people.length) return;
  const [desk] = await tx.select({ slug: tenants.slug, name: tenants.displayName }).from(tenants).where(eq(tenants.id, tenantId));
  const link = `${baseUrl}/d/${desk!.slug}/tickets/${ticket.id}`;
  for (const person of people) {
    const t = await mailTranslator(person.locale);
    await enqueueMail(tx, tenantId, {
      kind: `staff.${kind}`,
      to: person.email,
      subject: `${ticketTag(desk!.slug, ticket.number)} ${t(`staff.${kind}Subject`, { subject: ticket.subject })}`,
      text: t(`staff.${kind}Body`, { number: ticket.number, subject: ticket.subject, desk: desk!.name, link, actor: actorName }),
    });
  }
}

/** A new ticket (not held): mail everyone who asked to hear of new tickets and may see its department. */
export async function notifyNewTicket(tx: TenantDb, ticket: Ticket) {
  const wanting = await tx
    .select({ membershipId: memberships.id, role: memberships.role, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.active, true), eq(memberships.notifyNewTickets, true)));
  if (!wanting.length) return;
  const agents = wanting.filter((m) => m.role === "agent").map((m) => m.membershipId);
  const [nodes, grants] = await Promise.all([
    tx.select({ id: departments.id, parentId: departments.parentId }).from(departments),
    agents.length ? tx.select().from(departmentGrants).where(inArray(departmentGrants.membershipId, agents)) : [],
  ]);
  const people = wanting.filter((m) => {
    const direct = new Map(grants.filter((g) => g.membershipId === m.membershipId).map((g) => [g.departmentId, g.level]));
    return can({ role: m.role, active: true, grants: effectiveGrants(nodes, direct) }, "ticket.view", ticket.departmentId);
  });
  await staffMail(tx, ticket.tenantId, ticket, people, "newTicket", "");
}

/** Someone else assigned the ticket to this person: mail them unless they opted out. */
export async function notifyAssigned(tx: TenantDb, ticket: Ticket, assigneeMembershipId: string, actor: Actor | null) {
  if (actor && actor.membershipId === assigneeMembershipId) return;
  const [assignee] = await tx
    .select({ email: users.email, locale: users.locale, wants: memberships.notifyAssigned, active: memberships.active })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, assigneeMembershipId));
  if (!assignee?.wants || !assignee.active) return;
  const [by] = actor ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)) : [];
  await staffMail(tx, ticket.tenantId, ticket, [assignee], "assigned", by?.name ?? "Deskhand");
}
