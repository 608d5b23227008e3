"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ReportFilter } from "@/server/reports/inputs";
import { useTRPC } from "@/trpc/react";
import { BarsChart } from "./charts";
import { CsatTargetForm } from "./csat-target-form";
import { ReportSection, Stat } from "./report-section";
import { ReportTableView } from "./report-table";
import { useReportFormat } from "./use-report-format";

type Props = { desk: string; filter: ReportFilter };

/** First-response and resolution times: medians and 90th percentiles, per department and agent. */
export function TimesReport({ desk, filter }: Props) {
  const t = useTranslations("reports");
  const trpc = useTRPC();
  const format = useReportFormat();
  const query = useQuery({ ...trpc.reports.times.queryOptions({ desk, filter }), placeholderData: keepPreviousData });
  return (
    <ReportSection id="times" title={t("times.title")} description={t("times.description")} query={query} isEmpty={(d) => d.total.tickets === 0}>
      {(data) => (
        <>
          <dl className="grid gap-4 sm:grid-cols-3">
            <Stat
              testId="first-response"
              label={t("times.firstResponse")}
              value={format.duration(data.total.firstResponseMedian)}
              detail={`${t("times.median", { value: format.duration(data.total.firstResponseMedian) })} · ${t("times.p90", { value: format.duration(data.total.firstResponseP90) })} · ${t("times.responded", { count: data.total.responded })}`}
            />
            <Stat
              testId="resolution"
              label={t("times.resolution")}
              value={format.duration(data.total.resolutionMedian)}
              detail={`${t("times.median", { value: format.duration(data.total.resolutionMedian) })} · ${t("times.p90", { value: format.duration(data.total.resolutionP90) })} · ${t("times.solved", { count: data.total.solved })}`}
            />
            <Stat
              testId="sla-compliance"
              label={t("times.sla")}
              value={format.percent(data.total.slaCompliance)}
              detail={data.total.slaTickets ? t("times.slaDetail", { met: data.total.slaMet, count: data.total.slaTickets }) : t("times.noSla")}
            />
          </dl>
          {data.byDepartment.length > 1 ? (
            <BarsChart
              rows={data.byDepartment}
              label={(r) => r.name}
              series={[
                { key: "firstResponseMedian", label: t("columns.firstResponseMedian") },
                { key: "resolutionMedian", label: t("columns.resolutionMedian") },
              ]}
              format={(seconds) => format.duration(seconds)}
            />
          ) : null}
          <ReportTableView id="timesByDepartment" data={data} desk={desk} filter={filter} caption={t("times.byDepartment")} />
          <ReportTableView id="timesByAgent" data={data} desk={desk} filter={filter} caption={t("times.byAgent")} />
        </>
      )}
    </ReportSection>
  );
}

/**
 * CSAT against the desk's target; management may change the target here. Owners and admins only:
 * the server answers null for agents, who see no ratings.
 */
export function SatisfactionReport({ desk, filter, canSetTarget }: Props & { canSetTarget: boolean }) {
  const t = useTranslations("reports");
  const trpc = useTRPC();
  const format = useReportFormat();
  const query = useQuery({ ...trpc.reports.satisfaction.queryOptions({ desk, filter }), placeholderData: keepPreviousData });
  if (query.data === null) return null;
  return (
    <ReportSection
      id="satisfaction"
      title={t("satisfaction.title")}
      description={t("satisfaction.description")}
      query={query}
      actions={canSetTarget && query.data ? <CsatTargetForm desk={desk} target={query.data.target * 100} /> : null}
    >
      {(data) => {
        if (!data) return null;
        const meets = data.total.csat !== null && data.total.csat >= data.target;
        return (
          <>
            <dl className="grid gap-4 sm:grid-cols-2">
              <Stat
                testId="csat"
                label={t("satisfaction.csat")}
                value={data.total.csat === null ? t("satisfaction.noRatings") : format.percent(data.total.csat)}
                detail={
                  <span className="flex flex-wrap items-center gap-2">
                    {t("satisfaction.target", { value: format.percent(data.target) })} · {t("satisfaction.ratings", { count: data.total.ratings })}
                    {data.total.csat === null ? null : <Badge variant={meets ? "success" : "warning"}>{meets ? t("satisfaction.meets") : t("satisfaction.below")}</Badge>}
                  </span>
                }
              />
            </dl>
            {data.total.ratings > 0 ? (
              <div className="grid gap-4 xl:grid-cols-2">
                <ReportTableView id="csatByAgent" data={data} desk={desk} filter={filter} caption={t("satisfaction.byAgent")} />
                <ReportTableView id="csatByDepartment" data={data} desk={desk} filter={filter} caption={t("satisfaction.byDepartment")} />
              </div>
            ) : null}
          </>
        );
      }}
    </ReportSection>
  );
}

/** Knowledge-base deflections (management only: the server answers null for agents). */
export function DeflectionsReport({ desk, filter }: Props) {
  const t = useTranslations("reports");
  const trpc = useTRPC();
  const format = useReportFormat();
  const query = useQuery({ ...trpc.reports.deflections.queryOptions({ desk, filter }), placeholderData: keepPreviousData });
  if (query.data === null) return null;
  return (
    <ReportSection id="deflections" title={t("deflections.title")} description={t("deflections.description")} query={query}>
      {(data) =>
        data ? (
          <>
            <dl className="grid gap-4 sm:grid-cols-3">
              <Stat label={t("columns.deflections")} value={format.count(data.total.deflections)} />
              <Stat label={t("columns.widgetViews")} value={format.count(data.total.widgetViews)} />
              <Stat label={t("columns.views")} value={format.count(data.total.views)} />
            </dl>
            {data.articles.length > 0 ? <ReportTableView id="deflections" data={data} desk={desk} filter={filter} caption={t("deflections.title")} /> : null}
          </>
        ) : null
      }
    </ReportSection>
  );
}

/**
 * Per person: tickets handled, replies, first response, CSAT, time active. An agent (`own`) gets
 * their own row without ratings, so the table has no Ratings and CSAT columns.
 */
export function StaffStatisticsReport({ desk, filter, own = false }: Props & { own?: boolean }) {
  const t = useTranslations("reports");
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.reports.staff.queryOptions({ desk, filter }), placeholderData: keepPreviousData });
  return (
    <ReportSection id="staff-statistics" title={t("staff.title")} description={own ? t("staff.ownDescription") : t("staff.description")} query={query} isEmpty={(d) => d.length === 0}>
      {(data) => <ReportTableView id="staff" data={data} desk={desk} filter={filter} caption={t("staff.label")} />}
    </ReportSection>
  );
}
