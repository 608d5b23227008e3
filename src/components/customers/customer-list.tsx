"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId } from "react";
import { serverMessage, useErrorText } from "@/components/forms/errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { MagnifierIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { NextPageFailure } from "@/components/ui/next-page-failure";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { ListTable, PagedFooter } from "@/components/ui/table";
import { useUrlSearch } from "@/components/ui/use-url-search";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";

/** Everyone who wrote to the desk, newest first, searchable by name or email (?q= in the URL). */
export function CustomerList({ desk, timeZone }: { desk: string; timeZone: string }) {
  const t = useTranslations("customers");
  const errorText = useErrorText();
  const format = useFormatter();
  const trpc = useTRPC();
  const id = useId();
  const search = useUrlSearch();
  const { q, text, settle, writeUrl } = search;

  // Typing searches after a short pause.
  useEffect(() => {
    const value = text.trim();
    if (value === q) return;
    const timer = setTimeout(() => {
      settle(value, text);
      writeUrl(value, "replace");
    }, 300);
    return () => clearTimeout(timer);
  }, [text, q, settle, writeUrl]);

  const query = useInfiniteQuery(
    trpc.customers.list.infiniteQueryOptions({ desk, query: q || null, limit: 50 }, { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData }),
  );

  const body = (
    <QueryState
      query={query}
      loading={<ListSkeleton rows={6} rowClassName="h-12 w-full" />}
      errorTitle={t("list.error")}
      errorMessage={(error) => errorText(serverMessage(error))}
      keepDataOnError
      isEmpty={(list) => list.pages.every((page) => page.customers.length === 0)}
      empty={
        q ? (
          <EmptyState
            title={t("list.noMatch", { query: q })}
            description={t("list.noMatchDescription")}
            action={<Button variant="secondary" onClick={() => search.type("")}>{t("list.clear")}</Button>}
          />
        ) : (
          <EmptyState title={t("list.empty")} description={t("list.emptyDescription")} />
        )
      }
    >
      {(list) => {
        const customers = list.pages.flatMap((page) => page.customers);
        return (
          <div className={cn(query.isPlaceholderData && "opacity-60 transition-opacity")} aria-busy={(query.isFetching && !query.isFetchingNextPage) || undefined}>
            <ListTable
              label={t("list.label")}
              columns={[
                { key: "customer", label: t("list.customer"), className: "px-4 py-2.5" },
                { key: "phone", label: t("list.phone"), className: "hidden px-3 py-2.5 md:table-cell" },
                { key: "state", label: t("list.state") },
                { key: "since", label: t("list.since"), className: "hidden px-3 py-2.5 pr-4 text-right whitespace-nowrap sm:table-cell" },
              ]}
              footer={<PagedFooter shown={t("list.shown", { count: customers.length })} moreLabel={t("list.more")} paging={query} />}
            >
              {customers.map((customer) => (
                <tr key={customer.id} data-testid="customer-row" className="hover:bg-slate-50">
                  <td className="max-w-0 min-w-56 px-4 py-2.5 sm:w-full">
                    <Link
                      href={`/d/${desk}/customers/${customer.id}`}
                      className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:underline"
                    >
                      {customer.name || customer.email}
                    </Link>
                    {customer.name ? <span className="block truncate text-xs text-slate-500">{customer.email}</span> : null}
                  </td>
                  <td className="hidden px-3 py-2.5 whitespace-nowrap text-slate-600 md:table-cell">{customer.phone ?? <span className="text-slate-400">—</span>}</td>
                  <td className="px-3 py-2.5">
                    <div className="flex items-center gap-1">
                      {customer.blockedAt ? <Badge variant="danger">{t("blocked")}</Badge> : <span className="text-xs text-slate-500">{t("active")}</span>}
                      {customer.vip ? <Badge variant="brand">{t("vip")}</Badge> : null}
                    </div>
                  </td>
                  <td className="hidden px-3 py-2.5 pr-4 text-right text-xs whitespace-nowrap text-slate-500 sm:table-cell">
                    {format.dateTime(customer.createdAt, { dateStyle: "medium", timeZone })}
                  </td>
                </tr>
              ))}
            </ListTable>
            <NextPageFailure paging={query} />
          </div>
        );
      }}
    </QueryState>
  );

  return (
    <>
      <form role="search" onSubmit={(event) => event.preventDefault()} className="mb-4 max-w-xl">
        <label htmlFor={`${id}-q`} className="sr-only">
          {t("list.searchLabel")}
        </label>
        <div className="relative">
          <MagnifierIcon className="pointer-events-none absolute top-1/2 left-3 size-4.5 -translate-y-1/2 text-slate-400" />
          <Input
            id={`${id}-q`}
            type="search"
            maxLength={200}
            autoComplete="off"
            placeholder={t("list.searchPlaceholder")}
            className="pl-9"
            value={text}
            onChange={(e) => search.type(e.target.value)}
          />
        </div>
      </form>
      {body}
    </>
  );
}
