import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { PortalView } from "@/server/portal/service";
import type { PortalTranslate } from "./i18n";
import { ArrowRightIcon, InboxIcon } from "./icons";
import { LocalTime } from "./local-time";
import { PortalStatusBadge } from "./status-badge";

type ListedTicket = NonNullable<PortalView["tickets"]>[number];

/** A "check my ticket" link: every request the customer sent to the desk, newest first. */
export function TicketList({
  token,
  view,
  tickets,
  missingNumber,
  helpCenter,
  t,
}: {
  token: string;
  view: PortalView;
  tickets: ListedTicket[];
  missingNumber: number | null;
  helpCenter: boolean;
  t: PortalTranslate;
}) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-12">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("list.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("list.subtitle", { desk: view.desk.displayName, email: view.customer.email })}</p>
      {missingNumber !== null ? (
        <Alert variant="warning" className="mt-6">
          {t("list.missing", { number: missingNumber })}
        </Alert>
      ) : null}
      {tickets.length === 0 ? (
        <EmptyState
          className="mt-6"
          icon={<InboxIcon />}
          headingLevel="h2"
          title={t("list.emptyTitle")}
          description={t("list.emptyDescription")}
          action={
            helpCenter ? (
              <Link href={`/help/${view.desk.slug}/submit`} className={buttonClassName()}>
                {t("frame.submit")}
              </Link>
            ) : undefined
          }
        />
      ) : (
        <ul aria-label={t("list.title")} className="mt-6 divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-xs">
          {tickets.map((ticket) => (
            <li key={ticket.number}>
              <Link
                href={`/t/${token}?ticket=${ticket.number}`}
                className="group flex items-center gap-4 px-4 py-4 transition-colors hover:bg-slate-50 focus-visible:-outline-offset-2 sm:px-5"
              >
                <div className="min-w-0 flex-1">
                  <p className="flex min-w-0 items-baseline gap-2">
                    <span className="shrink-0 text-sm text-slate-500 tabular-nums">#{ticket.number}</span>
                    <span className="truncate font-medium text-slate-900 group-hover:text-brand-700">{ticket.subject}</span>
                  </p>
                  <p className="mt-1 text-xs text-slate-500">
                    {t("list.lastActivity")} <LocalTime at={ticket.lastActivityAt} />
                  </p>
                </div>
                <PortalStatusBadge status={ticket.status} t={t} className="shrink-0" />
                <ArrowRightIcon className="hidden size-4 shrink-0 text-slate-400 group-hover:text-brand-600 sm:block" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
