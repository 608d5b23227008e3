"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReportFilter } from "@/server/reports/inputs";
import { useTRPC } from "@/trpc/react";
import { AreaOverTime, BarsChart } from "./charts";
import { ReportSection } from "./report-section";
import { FoldedReportTable, ReportTableView } from "./report-table";
import { useReportFormat } from "./use-report-format";

type Props = { desk: string; filter: ReportFilter };

/** Tickets created and solved by month, weekday and hour. */
export function RhythmsReport({ desk, filter }: Props) {
  const t = useTranslations("reports");
  const trpc = useTRPC();
  const format = useReportFormat();
  const query = useQuery({ ...trpc.reports.rhythms.queryOptions({ desk, filter }), placeholderData: keepPreviousData });
  const series = [
    { key: "created" as const, label: t("columns.created") },
    { key: "solved" as const, label: t("columns.solved") },
  ];
  return (
    <ReportSection id="rhythms" title={t("rhythms.title")} description={t("rhythms.description")} query={query} isEmpty={(d) => d.byMonth.every((m) => m.created === 0 && m.solved === 0)}>
      {(data) => (
        <>
          <div className="grid gap-4 xl:grid-cols-2">
            <div className="flex flex-col gap-2">
              <BarsChart rows={data.byMonth} label={(r) => format.month(r.key)} series={series} />
              <ReportTableView id="byMonth" data={data} desk={desk} filter={filter} caption={t("rhythms.byMonth")} />
            </div>
            <div className="flex flex-col gap-2">
              <BarsChart rows={data.byWeekday} label={(r) => format.weekdayShort(r.key)} series={series} />
              <ReportTableView id="byWeekday" data={data} desk={desk} filter={filter} caption={t("rhythms.byWeekday")} />
            </div>
          </div>
          <BarsChart rows={data.byHour} label={(r) => String(r.key)} series={series} />
          <FoldedReportTable id="byHour" data={data} desk={desk} filter={filter} caption={t("rhythms.byHour")} />
        </>
      )}
    </ReportSection>
  );
}

/** Open tickets at the end of each day. */
export function BacklogReport({ desk, filter }: Props) {
  const t = useTranslations("reports");
  const trpc = useTRPC();
  const format = useReportFormat();
  const query = useQuery({ ...trpc.reports.backlog.queryOptions({ desk, filter }), placeholderData: keepPreviousData });
  return (
    <ReportSection id="backlog" title={t("backlog.title")} description={t("backlog.description")} query={query} isEmpty={(d) => d.every((day) => day.open === 0 && day.created === 0 && day.solved === 0)}>
      {(data) => (
        <>
          <AreaOverTime rows={data} label={(r) => format.day(r.day)} series={{ key: "open", label: t("columns.open") }} />
          <FoldedReportTable id="backlog" data={data} desk={desk} filter={filter} caption={t("backlog.title")} scroll />
        </>
      )}
    </ReportSection>
  );
}

/** New tickets by channel. */
export function ChannelsReport({ desk, filter }: Props) {
  const t = useTranslations("reports");
  const trpc = useTRPC();
  const format = useReportFormat();
  const query = useQuery({ ...trpc.reports.channels.queryOptions({ desk, filter }), placeholderData: keepPreviousData });
  return (
    <ReportSection id="channels" title={t("channels.title")} description={t("channels.description")} query={query} isEmpty={(d) => d.length === 0}>
      {(data) => (
        <>
          <BarsChart rows={data} label={(r) => format.channel(r.channel)} series={[{ key: "count", label: t("columns.tickets") }]} height={200} />
          <ReportTableView id="channels" data={data} desk={desk} filter={filter} caption={t("channels.title")} />
        </>
      )}
    </ReportSection>
  );
}
