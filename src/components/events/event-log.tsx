"use client";

import { keepPreviousData, skipToken, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Cell, ShowMore, Table, TableBody, TableHeader } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";
import { useEventDescriber } from "./describe-event";
import { EventFilters, noFilters, rangeReversed, type EventFilterValues } from "./event-filters";

/** The desk's event log with its filters. Times and the date filter follow the desk's time zone. */
export function EventLog({ desk, timeZone }: { desk: string; timeZone: string }) {
  const t = useTranslations("panel.events");
  const format = useFormatter();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<EventFilterValues>(noFilters);
  const staff = useQuery(trpc.staff.list.queryOptions({ desk }));
  const actions = useQuery(trpc.audit.actions.queryOptions({ desk }));
  const describe = useEventDescriber(staff.data ?? []);
  // The filters are part of the query key: changing one starts again from the newest page.
  const input = rangeReversed(filters)
    ? skipToken
    : {
        desk,
        limit: 50,
        actorUserId: filters.actorUserId || null,
        action: filters.action || null,
        from: filters.from || null,
        to: filters.to || null,
      };
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData }),
  );
  const filtered = Object.values(filters).some((value) => value !== "");
  const refreshing = query.isPlaceholderData && query.isFetching;
  const label = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);

  const body = (
    <QueryState
      query={query}
      loading={<ListSkeleton rows={6} rowClassName="h-10 w-full" />}
      errorMessage={t("error")}
      isEmpty={(list) => list.pages.every((page) => page.events.length === 0)}
      empty={
        filtered ? (
          <EmptyState
            title={t("filters.noMatch")}
            description={t("filters.noMatchDescription")}
            action={<Button variant="secondary" onClick={() => setFilters(noFilters)}>{t("filters.clear")}</Button>}
          />
        ) : (
          <EmptyState title={t("empty")} />
        )
      }
    >
      {(list) => {
        const events = list.pages.flatMap((page) => page.events);
        return (
          <div aria-busy={refreshing || undefined} className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <Table
              aria-label={t("title")}
              footer={<ShowMore paging={query} label={t("more")} />}
            >
              <TableHeader columns={[t("when"), t("who"), t("action"), t("object"), t("ip")]} />
              <TableBody>
                {events.map((event) => {
                  const { object, change } = describe(event);
                  return (
                    <tr key={event.id} data-testid="event-row">
                      <Cell className="whitespace-nowrap">
                        <time dateTime={event.createdAt.toISOString()}>{format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</time>
                      </Cell>
                      <Cell className="font-medium whitespace-nowrap text-slate-900">{event.actorName ?? t("system")}</Cell>
                      <Cell className="text-slate-900">{label(event.action)}</Cell>
                      <Cell className="max-w-md">
                        <span className="block truncate" title={object ?? undefined}>{object ?? "—"}</span>
                        {change ? <span className="mt-0.5 block text-xs text-slate-500">{change}</span> : null}
                      </Cell>
                      <Cell className="font-mono text-xs text-slate-500">{event.ip ?? "—"}</Cell>
                    </tr>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        );
      }}
    </QueryState>
  );

  return (
    <>
      <EventFilters value={filters} onChange={setFilters} staff={staff.data ?? []} actions={actions.data ?? []} />
      {body}
      <p className="mt-3 text-xs text-slate-500">{t("timeZone", { timeZone: timeZone.replaceAll("_", " ") })}</p>
    </>
  );
}
