"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icon";
import { useTRPC } from "@/trpc/react";
import { useUrlFilters } from "./filters";
import { QueueNav, QueueSelect } from "./queue-nav";
import { isManager, views, type DepartmentItem, type View, type Viewer } from "./shared";
import { TicketList } from "./ticket-list";
import { useLiveInbox } from "./use-live-inbox";

const agentViews: readonly View[] = views.filter((view) => view !== "held");

/** The inbox: queues with live counts on the left, the chosen queue's tickets on the right. */
export function InboxView({ desk, viewer, timeZone, initialDepartments }: { desk: string; viewer: Viewer; timeZone: string; initialDepartments: DepartmentItem[] }) {
  const t = useTranslations("inbox");
  const trpc = useTRPC();
  const allowedViews = isManager(viewer.role) ? views : agentViews;
  const { filters, setFilters, hrefFor } = useUrlFilters({ allowedViews });
  useLiveInbox(desk);
  const departments = useQuery({ ...trpc.departments.list.queryOptions({ desk }), initialData: initialDepartments });
  const counts = useQuery({ ...trpc.tickets.counts.queryOptions({ desk }), refetchInterval: 60_000 });
  const departmentList = departments.data ?? initialDepartments;
  const department = filters.department ? departmentList.find((d) => d.id === filters.department) : undefined;
  const title = department ? department.name : t(`views.${filters.view}`);
  const navProps = {
    filters,
    hrefFor,
    onChange: setFilters,
    views: allowedViews,
    departments: departmentList,
    counts: counts.data,
    countsLoading: counts.isPending,
  };

  return (
    <div className="flex gap-6 xl:gap-8">
      <aside className="hidden w-56 shrink-0 xl:block">
        <div className="sticky top-6">
          <QueueNav {...navProps} />
        </div>
      </aside>
      <section aria-labelledby="inbox-title" className="min-w-0 flex-1">
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <div className="min-w-0 flex-1">
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{department ? t("title.department") : t("title.inbox")}</p>
            <h1 id="inbox-title" className="truncate text-2xl font-semibold tracking-tight text-slate-900">
              {title}
            </h1>
          </div>
          <div className="w-full sm:w-64 xl:hidden">
            <QueueSelect {...navProps} />
          </div>
          <Button asChild>
            <Link href={`/d/${desk}/tickets/new`}>
              <PlusIcon />
              {t("newTicket")}
            </Link>
          </Button>
        </div>
        <TicketList desk={desk} viewer={viewer} timeZone={timeZone} filters={filters} onFiltersChange={setFilters} departments={departmentList} label={title} />
      </section>
    </div>
  );
}
