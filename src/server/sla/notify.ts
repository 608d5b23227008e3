import { ticketTag } from "@/lib/ticket-tag";
import { createTranslator } from "next-intl";
import { and, eq, inArray } from "drizzle-orm";
import { baseUrl } from "@/env";
import type { Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import { users } from "../auth/schema";
import type { TenantDb } from "../db/types";
import { departments } from "../departments/schema";
import { tenants } from "../kernel/schema";
import { enqueueMail } from "../outbox/outbox";
import type { MailTranslate } from "../outbox/translate";
import { memberships } from "../staff/schema";
import type { Ticket } from "../tickets/schema";
import { type SlaKind } from "./values";

async function translator(locale: Locale): Promise<MailTranslate> {
  const messages = await loadMessages(locale);
  // Keys come from our own code; the messages are loaded at run time, so they are untyped here.
  return createTranslator({ locale, messages, namespace: "sla.mail" }) as unknown as MailTranslate;
}

/**
 * Mails a breach to the ticket's assignee and the responsible person of each department
 * concerned (where it breached, and where an escalation sent it), each in their own language.
 */
export async function mailBreach(tx: TenantDb, ticket: Ticket, kind: SlaKind, departmentIds: string[]) {
  const responsible = await tx
    .select({ membershipId: departments.responsibleMembershipId })
    .from(departments)
    .where(inArray(departments.id, departmentIds));
  const ids = [...new Set([ticket.assigneeMembershipId, ...responsible.map((r) => r.membershipId)].filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return 0;
  const people = await tx
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.id, ids), eq(memberships.active, true)));
  const [desk] = await tx.select({ slug: tenants.slug, name: tenants.displayName }).from(tenants);
  const link = `${baseUrl}/d/${desk!.slug}/tickets/${ticket.id}`;
  for (const person of people) {
    const t = await translator(person.locale);
    const clock = t(`kinds.${kind}`);
    await enqueueMail(tx, ticket.tenantId, {
      kind: "staff.slaBreach",
      to: person.email,
      subject: `${ticketTag(desk!.slug, ticket.number)} ${t("breachSubject", { clock, subject: ticket.subject })}`,
      text: t("breachBody", { clock, number: ticket.number, subject: ticket.subject, desk: desk!.name, link }),
    });
  }
  return people.length;
}
