import type { PortalView } from "@/server/portal/service";
import type { PortalTranslate } from "./i18n";
import { LocalTime } from "./local-time";
import { PortalStatusBadge } from "./status-badge";
import { StatusToggle } from "./status-toggle";

type Ticket = NonNullable<PortalView["ticket"]>;

/** "#1042 Subject", its status in the customer's words, the department, and close/reopen. */
export function TicketHeader({ token, number, ticket, t }: { token: string; number: number | null; ticket: Ticket; t: PortalTranslate }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight break-words text-slate-900 sm:text-2xl">
            <span className="mr-2 font-normal text-slate-400 tabular-nums">#{ticket.number}</span>
            {ticket.subject}
          </h1>
          <dl className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
            <div className="flex items-center gap-1.5">
              <dt className="sr-only">{t("ticket.status")}</dt>
              <dd>
                <PortalStatusBadge status={ticket.status} t={t} />
              </dd>
            </div>
            {ticket.departmentName ? (
              <div className="flex items-center gap-1.5">
                <dt className="text-slate-500">{t("ticket.department")}</dt>
                <dd className="font-medium text-slate-700">{ticket.departmentName}</dd>
              </div>
            ) : null}
            <div className="flex items-center gap-1.5">
              <dt className="text-slate-500">{t("ticket.opened")}</dt>
              <dd>
                <LocalTime at={ticket.createdAt} withTime={false} />
              </dd>
            </div>
          </dl>
        </div>
        <StatusToggle token={token} number={number} status={ticket.status} />
      </div>
      <p className="mt-4 border-t border-slate-100 pt-4 text-sm text-slate-600">{t(`statusHint.${ticket.status}`)}</p>
    </div>
  );
}
