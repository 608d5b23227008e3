"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Stars } from "@/components/ticket/reply-rating";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingPlaceholder, QueryState } from "@/components/ui/query-state";
import { SectionHeading } from "@/components/ui/section-heading";
import { Skeleton } from "@/components/ui/skeleton";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { AppRouter } from "@/server/root";
import { useTRPC } from "@/trpc/react";

type Summary = inferRouterOutputs<AppRouter>["ratings"]["summary"];
/** The figures of a group; averages are null (in SQL) when the group has no ratings. */
type Figures = { count: number; quality: number | null; speed: number | null; satisfied: number };

/**
 * Reports → Customer ratings (owners and admins), over the page's dates: totals, per agent, per
 * department and the latest ones with comments.
 */
export function RatingsReport({ desk, from, to, timeZone }: { desk: string; from: string; to: string; timeZone: string }) {
  const t = useTranslations("reports.ratings");
  const trpc = useTRPC();
  const summary = useQuery({ ...trpc.ratings.summary.queryOptions({ desk, from, to }), placeholderData: keepPreviousData });

  const content = (
    <QueryState
      query={summary}
      loading={
        <LoadingPlaceholder className="flex flex-col gap-4">
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-24 rounded-xl" />
            ))}
          </div>
          <Skeleton className="h-40 rounded-xl" />
        </LoadingPlaceholder>
      }
      errorMessage={t("loadFailed")}
      keepDataOnError
    >
      {(data) => (
        <div aria-busy={summary.isFetching} className={cn("flex flex-col gap-6 transition-opacity", summary.isFetching && "opacity-60")}>
          <RatingsBody data={data} desk={desk} timeZone={timeZone} />
        </div>
      )}
    </QueryState>
  );

  return (
    <section aria-labelledby="ratings-report" className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-slate-50/60 p-4 sm:p-5">
      <SectionHeading id="ratings-report" title={t("title")} description={t("description")} />
      {content}
    </section>
  );
}

function useFigures() {
  const t = useTranslations("reports.ratings");
  const format = useFormatter();
  return {
    average: (value: number | null) => (value === null ? t("none") : format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
    share: (figures: Figures) => (figures.count === 0 ? t("none") : format.number(figures.satisfied / figures.count, { style: "percent", maximumFractionDigits: 0 })),
    count: (value: number) => format.number(value),
  };
}

function RatingsBody({ data, desk, timeZone }: { data: Summary; desk: string; timeZone: string }) {
  const t = useTranslations("reports.ratings");
  const figures = useFigures();
  const total: Figures = data.total;

  if (total.count === 0) {
    return (
      <EmptyState
        title={t("emptyTitle")}
        description={t("emptyDescription")}
        icon={
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
            <path d="M12 3.5l2.6 5.3 5.9.8-4.3 4.1 1 5.8L12 16.8l-5.2 2.7 1-5.8-4.3-4.1 5.9-.8L12 3.5Z" />
          </svg>
        }
      />
    );
  }

  const groupColumns = [t("count"), t("quality"), t("speed"), t("satisfied")];
  const groupCells = (row: Figures) => (
    <>
      <Cell className="text-right font-medium text-slate-900 tabular-nums">{figures.count(row.count)}</Cell>
      <Cell className="text-right tabular-nums">{figures.average(row.quality)}</Cell>
      <Cell className="text-right tabular-nums">{figures.average(row.speed)}</Cell>
      <Cell className="text-right tabular-nums">{figures.share(row)}</Cell>
    </>
  );

  return (
    <>
      <section aria-labelledby="ratings-totals">
        <h3 id="ratings-totals" className="sr-only">
          {t("totals")}
        </h3>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat label={t("count")} value={figures.count(total.count)} />
          <Stat label={t("quality")} value={figures.average(total.quality)} suffix={total.quality === null ? null : <Stars value={total.quality} label={t("outOfFive", { value: figures.average(total.quality) })} />} />
          <Stat label={t("speed")} value={figures.average(total.speed)} suffix={total.speed === null ? null : <Stars value={total.speed} label={t("outOfFive", { value: figures.average(total.speed) })} />} />
          <Stat label={t("satisfied")} value={figures.share(total)} suffix={<span className="text-xs text-slate-500">{t("satisfiedHint")}</span>} />
        </dl>
      </section>

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 2xl:grid-cols-2">
        <section aria-labelledby="ratings-by-agent">
          <h3 id="ratings-by-agent" className="mb-2 text-sm font-semibold text-slate-700">
            {t("byAgent")}
          </h3>
          <Table aria-labelledby="ratings-by-agent">
            <TableHeader columns={[t("agent"), ...groupColumns.map((c) => <span key={c} className="block text-right">{c}</span>)]} />
            <TableBody>
              {data.byAgent.map((row) => (
                <tr key={row.membershipId ?? "former"}>
                  <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
                    {row.name ?? <span className="font-normal text-slate-500 italic">{t("formerColleague")}</span>}
                  </th>
                  {groupCells(row)}
                </tr>
              ))}
            </TableBody>
          </Table>
        </section>
        <section aria-labelledby="ratings-by-department">
          <h3 id="ratings-by-department" className="mb-2 text-sm font-semibold text-slate-700">
            {t("byDepartment")}
          </h3>
          <Table aria-labelledby="ratings-by-department">
            <TableHeader columns={[t("department"), ...groupColumns.map((c) => <span key={c} className="block text-right">{c}</span>)]} />
            <TableBody>
              {data.byDepartment.map((row) => (
                <tr key={row.departmentId}>
                  <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
                    {row.name}
                  </th>
                  {groupCells(row)}
                </tr>
              ))}
            </TableBody>
          </Table>
        </section>
      </div>

      <LatestRatings latest={data.latest} desk={desk} timeZone={timeZone} />
    </>
  );
}

function Stat({ label, value, suffix }: { label: string; value: string; suffix?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {suffix ? <dd>{suffix}</dd> : null}
    </div>
  );
}

function LatestRatings({ latest, desk, timeZone }: { latest: Summary["latest"]; desk: string; timeZone: string }) {
  const t = useTranslations("reports.ratings");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <section aria-labelledby="ratings-latest">
      <h3 id="ratings-latest" className="text-sm font-semibold text-slate-700">
        {t("latest")}
      </h3>
      <p className="mb-2 text-xs text-slate-500">{t("latestDescription")}</p>
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
        {latest.map((rating) => {
          const comment = rating.comment.trim();
          const changed = rating.updatedAt.getTime() - rating.createdAt.getTime() > 60_000;
          return (
            <li key={rating.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:gap-6" data-testid="latest-rating">
              <div className="flex shrink-0 flex-col gap-1 sm:w-56">
                <Link href={`/d/${desk}/tickets/${rating.ticketId}`} className="text-sm font-semibold text-brand-700 hover:underline">
                  {t("ticketLink", { number: rating.ticketNumber })}
                </Link>
                <span className="text-xs text-slate-500">
                  {rating.agentName ?? t("formerColleague")} · {rating.departmentName}
                </span>
                <time dateTime={rating.createdAt.toISOString()} className="text-xs text-slate-500">
                  {when(rating.createdAt)}
                  {changed ? ` · ${t("edited", { when: when(rating.updatedAt) })}` : null}
                </time>
              </div>
              <div className="flex min-w-0 flex-1 flex-col gap-1.5">
                <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                  <span className="inline-flex items-center gap-1.5">
                    <span className="text-slate-600">{t("qualityShort")}</span>
                    <Stars value={rating.quality} label={t("stars", { value: rating.quality })} />
                  </span>
                  <span className="inline-flex items-center gap-1.5">
                    <span className="text-slate-600">{t("speedShort")}</span>
                    <Stars value={rating.speed} label={t("stars", { value: rating.speed })} />
                  </span>
                </div>
                {comment ? (
                  <blockquote className="border-l-2 border-slate-200 pl-3 text-sm break-words whitespace-pre-wrap text-slate-800">{comment}</blockquote>
                ) : (
                  <p className="text-sm text-slate-400 italic">{t("noComment")}</p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
