"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { StaffSection, TableSkeleton } from "@/components/staff/section";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { QueryState } from "@/components/ui/query-state";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import type { JobHealth } from "@/server/platform/job-health";
import { useTRPC } from "@/trpc/react";

const stateBadge: Record<JobHealth["state"], { variant: BadgeVariant; key: "stateOk" | "stateLate" | "stateFailing" | "stateNever" }> = {
  ok: { variant: "success", key: "stateOk" },
  late: { variant: "warning", key: "stateLate" },
  failing: { variant: "danger", key: "stateFailing" },
  never: { variant: "neutral", key: "stateNever" },
};

/** Health: per background job its period, last success and lag, last failure with its error. */
export function JobHealthTable() {
  const t = useTranslations("billing.platform.health");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const jobs = useQuery({ ...trpc.platform.jobs.queryOptions(), refetchInterval: 30_000 });

  const duration = (seconds: number) =>
    seconds < 120 ? t("seconds", { count: seconds }) : seconds < 7200 ? t("minutes", { count: Math.round(seconds / 60) }) : t("hours", { count: Math.round(seconds / 3600) });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });

  return (
    <StaffSection title={t("title")} description={t("description")}>
      <QueryState query={jobs} loading={<TableSkeleton rows={4} label={tCommon("loading")} />} errorMessage={t("loadFailed")}>
        {(list) => (
          <Table aria-label={t("title")}>
            <TableHeader columns={[t("job"), t("every"), t("state"), t("lastSuccess"), t("lastFailure")]} />
            <TableBody>
              {list.map((job) => (
                <tr key={job.job}>
                  <th scope="row" className="px-4 py-3 text-left font-mono font-medium text-slate-900">{job.job}</th>
                  <Cell className="whitespace-nowrap">{duration(job.periodSeconds)}</Cell>
                  <Cell>
                    <div className="flex flex-wrap gap-1">
                      <Badge variant={stateBadge[job.state].variant} dot>{t(stateBadge[job.state].key)}</Badge>
                      {job.running ? <Badge variant="info">{t("running")}</Badge> : null}
                    </div>
                  </Cell>
                  <Cell className="whitespace-nowrap">
                    {job.lastSuccessAt && job.lagSeconds !== null ? (
                      <>
                        <span className="block text-slate-900">{t("lag", { lag: duration(job.lagSeconds) })}</span>
                        <span className="block text-xs text-slate-500">{when(job.lastSuccessAt)}</span>
                      </>
                    ) : (
                      t("never")
                    )}
                  </Cell>
                  <Cell>
                    {job.lastFailureAt ? (
                      <>
                        <span className="block whitespace-nowrap text-slate-900">{when(job.lastFailureAt)}</span>
                        {job.lastError ? <span className="block max-w-md text-xs break-words text-red-700">{job.lastError}</span> : null}
                      </>
                    ) : (
                      t("never")
                    )}
                  </Cell>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryState>
    </StaffSection>
  );
}
