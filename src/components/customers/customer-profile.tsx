"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useUrlFilters } from "@/components/inbox/filters";
import { isManager, type DepartmentItem, type View, type Viewer } from "@/components/inbox/shared";
import { TicketList } from "@/components/inbox/ticket-list";
import { useLiveInbox } from "@/components/inbox/use-live-inbox";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import type { Customer } from "@/server/customers/schema";
import { BlockButton } from "./block-dialog";
import { VipButton } from "./vip-button";

const customerViews: readonly View[] = ["all", "solved"];

type Props = { desk: string; viewer: Viewer; timeZone: string; initial: Customer; departments: DepartmentItem[] };

/** One customer: who they are, whether they are blocked, and their tickets (open and solved). */
export function CustomerProfile({ desk, viewer, timeZone, initial, departments }: Props) {
  const t = useTranslations("customers");
  const format = useFormatter();
  const trpc = useTRPC();
  const customerQuery = useQuery({ ...trpc.customers.get.queryOptions({ desk, customerId: initial.id }), initialData: initial });
  const customer = customerQuery.data;
  const base = { customer: customer.id };
  const { filters, setFilters } = useUrlFilters({ allowedViews: customerViews, base });
  const [notice, setNotice] = useState<string | null>(null);
  useLiveInbox(desk);
  const who = customer.name || customer.email;
  const newTicket = `/d/${desk}/tickets/new?${new URLSearchParams({ email: customer.email, ...(customer.name ? { name: customer.name } : {}) }).toString()}`;

  const tabs = (
    <div role="group" aria-label={t("tickets.label")} className="mb-3 inline-flex rounded-lg border border-slate-200 bg-slate-100 p-0.5">
      {customerViews.map((view) => {
        const selected = filters.view === view;
        return (
          <button
            key={view}
            type="button"
            aria-pressed={selected}
            onClick={() => setFilters({ ...filters, view })}
            className={cn(
              "h-7 cursor-pointer rounded-md px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-brand-600",
              selected ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`tickets.${view}`)}
          </button>
        );
      })}
    </div>
  );

  const changed = (message: string) => {
    setNotice(message);
    void customerQuery.refetch();
  };
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={`/d/${desk}/customers`} className="text-slate-500 hover:text-slate-900 hover:underline">
          {t("title")}
        </Link>
      </nav>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
            <span className="truncate">{who}</span>
            {customer.blockedAt ? <Badge variant="danger">{t("blocked")}</Badge> : null}
            {customer.vip ? <Badge variant="brand">{t("vip")}</Badge> : null}
          </h1>
          {customer.name ? <p className="mt-1 text-sm text-slate-600">{customer.email}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="secondary">
            <Link href={newTicket}>{t("profile.newTicket")}</Link>
          </Button>
          {isManager(viewer.role) ? (
            <>
              <VipButton desk={desk} customer={customer} onDone={changed} />
              <BlockButton desk={desk} customer={customer} onDone={changed} />
            </>
          ) : null}
        </div>
      </div>

      {notice ? (
        <Alert variant="success" className="mb-4" action={<Button variant="ghost" size="sm" onClick={() => setNotice(null)}>{t("profile.dismiss")}</Button>}>
          {notice}
        </Alert>
      ) : null}
      {customer.blockedAt ? (
        <Alert variant="warning" className="mb-4" title={t("profile.blockedTitle", { date: format.dateTime(customer.blockedAt, { dateStyle: "medium", timeZone }) })}>
          {t("profile.blockedDescription")}
          {isManager(viewer.role) ? (
            <>
              {" "}
              <Link href={`/d/${desk}?view=held`}>{t("profile.reviewHeld")}</Link>
            </>
          ) : null}
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)] lg:items-start">
        <Card>
          <CardContent className="p-5">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("profile.details")}</h2>
            <dl className="grid gap-3 text-sm">
              <div>
                <dt className="text-xs font-medium text-slate-500">{t("profile.email")}</dt>
                <dd className="break-all text-slate-900">
                  <a href={`mailto:${customer.email}`} className="hover:underline">
                    {customer.email}
                  </a>
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-slate-500">{t("profile.name")}</dt>
                <dd className="text-slate-900">{customer.name || <span className="text-slate-400">{t("profile.notGiven")}</span>}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-slate-500">{t("profile.phone")}</dt>
                <dd className="text-slate-900">{customer.phone || <span className="text-slate-400">{t("profile.notGiven")}</span>}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-slate-500">{t("profile.state")}</dt>
                <dd>{customer.blockedAt ? <Badge variant="danger">{t("blocked")}</Badge> : <Badge variant="success">{t("active")}</Badge>}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-slate-500">{t("profile.since")}</dt>
                <dd className="text-slate-900">{format.dateTime(customer.createdAt, { dateStyle: "medium", timeZone })}</dd>
              </div>
            </dl>
            <div className="mt-4 border-t border-slate-100 pt-3">
              <Link href={`/d/${desk}?${filters.view === "all" ? "" : `view=${filters.view}&`}customer=${customer.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                {t("profile.openInInbox")}
              </Link>
            </div>
          </CardContent>
        </Card>
        <section aria-labelledby="customer-tickets">
          <h2 id="customer-tickets" className="mb-3 text-lg font-semibold text-slate-900">
            {t("tickets.title")}
          </h2>
          <TicketList
            desk={desk}
            viewer={viewer}
            timeZone={timeZone}
            filters={filters}
            onFiltersChange={setFilters}
            departments={departments}
            label={t("tickets.listLabel", { name: who })}
            compact
            customerFixed
            toolbar={tabs}
            empty={filters.view === "solved" ? { title: t("tickets.noneSolved") } : { title: t("tickets.noneOpen"), description: t("tickets.noneOpenDescription") }}
          />
        </section>
      </div>
    </>
  );
}
