"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { useUrlFilters } from "./filters";
import { isManager, views, type DepartmentItem, type View, type Viewer } from "./shared";
import { TicketList } from "./ticket-list";
import { TicketSearch } from "./ticket-search";
import { useLiveInbox } from "./use-live-inbox";

const agentViews: readonly View[] = views.filter((view) => view !== "held");

/** The Tickets page: the search box, then every ticket with every filter. */
export function TicketsView({ desk, viewer, timeZone, initialDepartments }: { desk: string; viewer: Viewer; timeZone: string; initialDepartments: DepartmentItem[] }) {
  const t = useTranslations("inbox");
  const trpc = useTRPC();
  const allowedViews = isManager(viewer.role) ? views : agentViews;
  const { filters, setFilters } = useUrlFilters({ allowedViews });
  useLiveInbox(desk);
  const departments = useQuery({ ...trpc.departments.list.queryOptions({ desk }), initialData: initialDepartments });

  return (
    <>
      <TicketSearch desk={desk} timeZone={timeZone} />
      <section aria-labelledby="all-tickets-title">
        <h2 id="all-tickets-title" className="mb-3 text-lg font-semibold text-slate-900">
          {t("tickets.all")}
        </h2>
        <TicketList
          desk={desk}
          viewer={viewer}
          timeZone={timeZone}
          filters={filters}
          onFiltersChange={setFilters}
          departments={departments.data ?? initialDepartments}
          label={t("tickets.all")}
          viewChoices={allowedViews}
          departmentChoice
        />
      </section>
    </>
  );
}
