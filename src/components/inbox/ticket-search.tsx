"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { serverMessage, useErrorText } from "@/components/forms/errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { MagnifierIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { ListTable } from "@/components/ui/table";
import { useUrlSearch } from "@/components/ui/use-url-search";
import { useTRPC } from "@/trpc/react";
import { RelativeTime, StatusBadge } from "./badges";
import { ticketHref } from "./shared";

const numberQuery = /^#?(\d{1,9})$/;
const LIMIT = 50;

/**
 * One box for every kind of search: "#1042" opens that ticket, an email finds the customer's
 * tickets, other words search subjects and messages. The query is in the URL (?q=).
 */
export function TicketSearch({ desk, timeZone }: { desk: string; timeZone: string }) {
  const t = useTranslations("inbox.search");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const search = useUrlSearch();
  const { q, text } = search;
  const [jumping, setJumping] = useState(false);
  const results = useQuery(trpc.tickets.search.queryOptions(q ? { desk, query: q } : skipToken));
  const setQuery = (value: string) => search.writeUrl(value, "push");

  const submit = async () => {
    const value = text.trim();
    search.settle(value);
    const number = numberQuery.exec(value);
    if (number) {
      // A ticket number goes straight to the ticket when it is one the viewer can see.
      setJumping(true);
      try {
        const rows = await queryClient.fetchQuery(trpc.tickets.search.queryOptions({ desk, query: value }));
        const found = rows.find((row) => row.number === Number(number[1]));
        if (found) {
          router.push(ticketHref(desk, found.id));
          return;
        }
      } catch {
        // Shown by the results below, which run the same search.
      } finally {
        setJumping(false);
      }
    }
    setQuery(value);
  };

  const number = numberQuery.exec(q);
  const body = q ? (
    <QueryState
      query={results}
      loading={<ListSkeleton rows={3} rowClassName="h-12 w-full" />}
      errorMessage={(error) => errorText(serverMessage(error))}
      isEmpty={(rows) => rows.length === 0}
      empty={
        <EmptyState
          title={number ? t("noNumber", { number: number[1]! }) : t("none", { query: q })}
          description={number ? t("noNumberHint") : t("noneHint")}
          action={<Button variant="secondary" onClick={() => setQuery("")}>{t("clear")}</Button>}
        />
      }
    >
      {(rows) => (
        <ListTable
          label={t("resultsLabel")}
          columns={[
            { key: "ticket", label: t("ticket"), className: "px-4 py-2.5" },
            { key: "requester", label: t("requester"), className: "hidden px-3 py-2.5 md:table-cell" },
            { key: "department", label: t("department"), className: "hidden px-3 py-2.5 sm:table-cell" },
            { key: "status", label: t("status") },
            { key: "created", label: t("created"), className: "px-3 py-2.5 pr-4 text-right" },
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id} data-testid="search-result" className="hover:bg-slate-50">
              <td className="max-w-0 min-w-56 px-4 py-2.5 sm:w-full">
                <div className="flex min-w-0 items-center gap-2">
                  <span className="shrink-0 font-mono text-xs text-slate-500 tabular-nums">#{row.number}</span>
                  <Link href={ticketHref(desk, row.id)} className="truncate font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:underline">
                    {row.subject}
                  </Link>
                </div>
                <div className="mt-0.5 truncate text-xs text-slate-500 md:hidden">{row.customerName || row.customerEmail}</div>
              </td>
              <td className="hidden max-w-64 px-3 py-2.5 md:table-cell">
                <div className="truncate text-slate-800">{row.customerName || row.customerEmail}</div>
                {row.customerName ? <div className="truncate text-xs text-slate-500">{row.customerEmail}</div> : null}
              </td>
              <td className="hidden px-3 py-2.5 whitespace-nowrap text-slate-600 sm:table-cell">{row.departmentName}</td>
              <td className="px-3 py-2.5">
                <div className="flex flex-wrap gap-1">
                  {row.deletedAt ? <Badge variant="danger">{t("inTrash")}</Badge> : <StatusBadge status={row.status} />}
                  {row.archivedAt ? <Badge variant="neutral">{t("archived")}</Badge> : null}
                </div>
              </td>
              <td className="px-3 py-2.5 pr-4 text-right text-xs text-slate-500">
                <RelativeTime date={row.createdAt} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </QueryState>
  ) : null;

  return (
    <section aria-labelledby={`${id}-heading`} className="mb-10">
      <h2 id={`${id}-heading`} className="sr-only">
        {t("heading")}
      </h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="mb-4"
      >
        <label htmlFor={`${id}-q`} className="mb-1.5 block text-sm font-medium text-slate-800">
          {t("label")}
        </label>
        <div className="flex gap-2">
          <div className="relative flex-1">
            <MagnifierIcon className="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-slate-400" />
            <Input
              id={`${id}-q`}
              type="search"
              enterKeyHint="search"
              maxLength={200}
              autoComplete="off"
              placeholder={t("placeholder")}
              aria-describedby={`${id}-hint`}
              className="h-11 pl-11 text-base"
              value={text}
              onChange={(e) => search.type(e.target.value)}
            />
          </div>
          <Button type="submit" size="lg" loading={jumping}>
            {t("submit")}
          </Button>
        </div>
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-slate-500">
          {t("hint")}
        </p>
      </form>
      {q && results.data && results.data.length > 0 ? (
        <div className="mb-2 flex items-center justify-between gap-2">
          <p className="text-sm text-slate-700" role="status">
            {results.data.length >= LIMIT ? t("countNewest", { count: results.data.length, query: q }) : t("count", { count: results.data.length, query: q })}
          </p>
          <Button variant="ghost" size="sm" onClick={() => setQuery("")}>
            {t("clear")}
          </Button>
        </div>
      ) : null}
      {body}
    </section>
  );
}
