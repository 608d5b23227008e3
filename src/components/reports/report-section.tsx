"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { SectionHeading } from "@/components/ui/section-heading";
import { cn } from "@/lib/cn";
import type { TableLabels } from "@/server/reports/tables";

/** One report on the page: its heading, then loading, error, empty or its figures. */
export function ReportSection<T>({
  id,
  title,
  description,
  query,
  isEmpty,
  actions,
  children,
}: {
  id: string;
  title: string;
  description: string;
  query: UseQueryResult<T, unknown>;
  isEmpty?: (data: T) => boolean;
  actions?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const t = useTranslations("reports.section");
  const body = (
    <QueryState
      query={query}
      loading={<ListSkeleton rows={1} label={t("loading")} className="flex flex-col gap-3" rowClassName="h-48 rounded-xl" />}
      errorMessage={t("loadFailed")}
      keepDataOnError
      isEmpty={isEmpty}
      empty={<EmptyState title={t("empty")} />}
    >
      {(data) => (
        <div aria-busy={query.isFetching} className={cn("flex flex-col gap-4 transition-opacity", query.isFetching && "opacity-60")}>
          {children(data)}
        </div>
      )}
    </QueryState>
  );
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-slate-50/60 p-4 sm:p-5" data-testid={`report-${id}`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <SectionHeading id={id} title={title} description={description} descriptionClassName="max-w-3xl" />
        {actions}
      </div>
      {body}
    </section>
  );
}

/** A headline figure. */
export function Stat({ label, value, detail, testId }: { label: string; value: string; detail?: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4" data-testid={testId}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {detail ? <dd className="text-xs text-slate-500">{detail}</dd> : null}
    </div>
  );
}

/** The words tables need besides data, in the reader's language. */
export function useTableLabels(): TableLabels {
  const t = useTranslations("reports");
  return { all: t("all"), unassigned: t("unassigned"), formerColleague: t("formerColleague") };
}
