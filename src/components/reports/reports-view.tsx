"use client";

import { useDeferredValue, useState } from "react";
import { shiftDay } from "@/components/staff/shared";
import type { ReportFilter } from "@/server/reports/inputs";
import { DeflectionsReport, SatisfactionReport, StaffStatisticsReport, TimesReport } from "./quality-reports";
import { RatingsReport } from "./ratings-report";
import { filterProblem, ReportFilters } from "./report-filters";
import { BacklogReport, ChannelsReport, RhythmsReport } from "./volume-reports";

/**
 * The Reports page: one filter for every report. Owners and admins see the desk, CSAT and the
 * customers' ratings with comments; agents see their own work and no ratings at all.
 */
export function ReportsView({ desk, today, timeZone, scope, canSetTarget }: { desk: string; today: string; timeZone: string; scope: "desk" | "own"; canSetTarget: boolean }) {
  const [filter, setFilter] = useState<ReportFilter>({ from: shiftDay(today, -29), to: today, departmentId: null });
  const [applied, setApplied] = useState(filter);
  // Only a valid filter reaches the reports; typing a date does not refetch on every keystroke.
  const deferred = useDeferredValue(applied);
  const change = (next: ReportFilter) => {
    setFilter(next);
    if (!filterProblem(next)) setApplied(next);
  };
  return (
    <div className="flex flex-col gap-6">
      <ReportFilters desk={desk} today={today} timeZone={timeZone} filter={filter} onChange={change} />
      <RhythmsReport desk={desk} filter={deferred} />
      <TimesReport desk={desk} filter={deferred} />
      {scope === "desk" ? <SatisfactionReport desk={desk} filter={deferred} canSetTarget={canSetTarget} /> : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <BacklogReport desk={desk} filter={deferred} />
        <ChannelsReport desk={desk} filter={deferred} />
      </div>
      <StaffStatisticsReport desk={desk} filter={deferred} own={scope === "own"} />
      {scope === "desk" ? (
        <>
          <DeflectionsReport desk={desk} filter={deferred} />
          <RatingsReport desk={desk} from={deferred.from} to={deferred.to} timeZone={timeZone} />
        </>
      ) : null}
    </div>
  );
}
