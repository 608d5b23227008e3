"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Colleague } from "./presence";
import { priorityVariant, statusVariant } from "./shared";
import { useTicket } from "./ticket-context";

/** Number, subject, state and people of the ticket, with who else is on it right now. */
export function TicketHeader({ presence }: { presence: Colleague[] }) {
  const t = useTranslations("ticket");
  const format = useFormatter();
  const { desk, data } = useTicket();
  const { ticket, customer, department, assignee } = data;
  const requester = customer.name || customer.email;

  return (
    <header className="mb-4">
      <nav aria-label={t("page.breadcrumb")} className="mb-2 text-sm">
        <Link href={`/d/${desk.slug}/tickets`} className="text-slate-500 hover:text-slate-900">
          ← {t("page.tickets")}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-medium text-slate-500">#{ticket.number}</span>
        <Badge variant={statusVariant[ticket.status]} dot>
          {t(`status.${ticket.status}`)}
        </Badge>
        <Badge variant={priorityVariant[ticket.priority]}>{t("header.priority", { priority: t(`priority.${ticket.priority}`) })}</Badge>
        {ticket.deletedAt ? <Badge variant="danger">{t("header.inTrash")}</Badge> : null}
        {ticket.mergedIntoTicketId ? <Badge variant="neutral">{t("header.merged")}</Badge> : null}
        {ticket.heldReason ? <Badge variant="warning">{t("header.held")}</Badge> : null}
        <PresenceChips presence={presence} />
      </div>
      <h1 className="mt-1 text-xl font-semibold tracking-tight break-words text-slate-900 sm:text-2xl">{ticket.subject}</h1>
      <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
        <div className="flex gap-1.5">
          <dt className="text-slate-500">{t("header.requester")}</dt>
          <dd>
            <Link href={`/d/${desk.slug}/customers/${customer.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
              {requester}
            </Link>
            {customer.name ? <span className="text-slate-500"> &lt;{customer.email}&gt;</span> : null}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-500">{t("header.department")}</dt>
          <dd className="font-medium text-slate-900">{department.name}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-500">{t("header.assignee")}</dt>
          <dd className="font-medium text-slate-900" data-testid="ticket-assignee">
            {assignee ? assignee.name : <span className="font-normal text-slate-500">{t("header.unassigned")}</span>}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-500">{t("header.created")}</dt>
          <dd>
            <time dateTime={ticket.createdAt.toISOString()}>{format.dateTime(ticket.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: desk.timeZone })}</time>
            <span className="text-slate-500"> · {t(`channel.${ticket.channel}`)}</span>
          </dd>
        </div>
      </dl>
    </header>
  );
}

function PresenceChips({ presence }: { presence: Colleague[] }) {
  const t = useTranslations("ticket.live");
  return (
    <div role="status" aria-live="polite" className="flex flex-wrap gap-1.5 empty:hidden">
      {presence.map((person) => (
        <span
          key={person.membershipId}
          className={
            person.typing
              ? "inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
              : "inline-flex items-center gap-1.5 rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-800"
          }
        >
          <span aria-hidden="true" className={person.typing ? "size-1.5 animate-pulse rounded-full bg-amber-500" : "size-1.5 rounded-full bg-sky-500"} />
          {person.typing ? t("typing", { name: person.name || t("colleague") }) : t("viewing", { name: person.name || t("colleague") })}
        </span>
      ))}
    </div>
  );
}
