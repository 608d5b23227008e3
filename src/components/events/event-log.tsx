"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";

export function EventLog({ desk }: { desk: string }) {
  const t = useTranslations("panel.events");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ desk, limit: 50 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  if (query.isPending) {
    return (
      <div className="flex flex-col gap-2" aria-busy="true">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert variant="error" action={<Button variant="secondary" size="sm" onClick={() => void query.refetch()}>{tCommon("retry")}</Button>}>
        {t("error")}
      </Alert>
    );
  }
  const events = query.data.pages.flatMap((page) => page.events);
  if (events.length === 0) return <EmptyState title={t("empty")} />;
  const label = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  return (
    <Table
      footer={
        query.hasNextPage ? (
          <Button variant="secondary" size="sm" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t("more")}
          </Button>
        ) : null
      }
    >
      <TableHeader columns={[t("when"), t("who"), t("action"), t("object"), t("ip")]} />
      <TableBody>
        {events.map((event) => (
          <tr key={event.id} data-testid="event-row">
            <Cell className="whitespace-nowrap">{format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Cell>
            <Cell className="font-medium text-slate-900">{event.actorName ?? t("system")}</Cell>
            <Cell className="text-slate-900">{label(event.action)}</Cell>
            <Cell>{describe(event.summary) ?? event.objectType}</Cell>
            <Cell className="font-mono text-xs text-slate-500">{event.ip ?? "—"}</Cell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

/** A short human label for the object of an event, from its summary. */
function describe(summary: Record<string, unknown>): string | null {
  for (const key of ["name", "displayName", "slug", "email"]) {
    const value = summary[key];
    if (typeof value === "string") return value;
  }
  return null;
}
