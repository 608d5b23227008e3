"use client";

import { keepPreviousData, skipToken, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from "react";
import { serverMessage, useErrorText } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { BulkBar, type BulkAction } from "./bulk-bar";
import { TicketRow } from "./ticket-row";
import { FilterBar } from "./filter-bar";
import { clearFilters, hasFilters, inboxInput, rangeReversed, type ListFilters } from "./filters";
import { isManager, ticketHref, type DepartmentItem, type InboxRow, type View, type Viewer } from "./shared";

type Props = {
  desk: string;
  viewer: Viewer;
  timeZone: string;
  filters: ListFilters;
  onFiltersChange: (filters: ListFilters) => void;
  departments: readonly DepartmentItem[];
  /** The accessible name of the list. */
  label: string;
  /** Views offered in the filter bar (pages without a queue column). */
  viewChoices?: readonly View[];
  /** Offer the department in the filter bar. */
  departmentChoice?: boolean;
  /** Only view and sort in the filter bar. */
  compact?: boolean;
  /** The page fixes the requester (a customer's page). */
  customerFixed?: boolean;
  /** What an empty list says, instead of the view's own words. */
  empty?: { title: string; description?: string };
  /** Shown at the start of the filter bar row (e.g. view tabs). */
  toolbar?: ReactNode;
};

type Notice = { variant: "success" | "warning" | "error"; text: string; undo?: string[] };
const noIds: ReadonlySet<string> = new Set();

/**
 * A desk's tickets for a view, a queue and filters: keyset pages, selection with bulk actions,
 * and the keyboard (j/k or arrows move, Enter opens, x selects, Escape clears the selection).
 */
export function TicketList({ desk, viewer, timeZone, filters, onFiltersChange, departments, label, viewChoices, departmentChoice, compact, customerFixed, empty, toolbar }: Props) {
  const t = useTranslations("inbox");
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const manager = isManager(viewer.role);

  const staff = useQuery({ ...trpc.staff.list.queryOptions({ desk }), enabled: manager, staleTime: 5 * 60_000 });
  const customer = useQuery(trpc.customers.get.queryOptions(filters.customer && !customerFixed ? { desk, customerId: filters.customer } : skipToken));
  const query = useInfiniteQuery(
    trpc.tickets.inbox.infiniteQueryOptions(rangeReversed(filters) ? skipToken : inboxInput(desk, filters), {
      getNextPageParam: (page) => page.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
  const rows = useMemo(() => {
    const seen = new Set<string>();
    return (query.data?.pages ?? []).flatMap((page) => page.tickets).filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)));
  }, [query.data]);

  // The selection belongs to one list: another view or filter starts with none.
  const key = JSON.stringify(filters);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key, ids: noIds });
  const selected = selection.key === key ? selection.ids : noIds;
  const selectedRows = rows.filter((row) => selected.has(row.id));
  const setSelected = (ids: ReadonlySet<string>) => setSelection({ key, ids });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const [activeId, setActiveId] = useState<string | null>(null);
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const listRef = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const bulk = useMutation(trpc.tickets.bulk.mutationOptions());
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tickets.inbox.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.tickets.counts.pathKey() }),
    ]);
  const run = async (action: BulkAction, ids = selectedRows.map((row) => row.id)) => {
    if (ids.length === 0) return;
    setNotice(null);
    const numbers = new Map(rows.map((row) => [row.id, row.number]));
    try {
      const { done, refused } = await bulk.mutateAsync({ desk, ticketIds: ids, action });
      await refresh();
      setSelected(new Set(refused));
      const doneText =
        action.type === "trash"
          ? t("bulk.trashed", { count: done.length })
          : action.type === "restore"
            ? t("bulk.restored", { count: done.length })
            : t("bulk.updated", { count: done.length });
      if (refused.length === 0) {
        setNotice({ variant: "success", text: doneText, undo: action.type === "trash" ? done : undefined });
      } else {
        const list = refused.map((id) => (numbers.has(id) ? `#${numbers.get(id)}` : "")).filter(Boolean).join(", ");
        const refusedText = t("bulk.refused", { count: refused.length, numbers: list });
        setNotice({ variant: "warning", text: done.length > 0 ? `${doneText} ${refusedText}` : refusedText, undo: action.type === "trash" && done.length ? done : undefined });
      }
    } catch (error) {
      setNotice({ variant: "error", text: errorText(serverMessage(error)) ?? "" });
    }
  };
  const undoTrash = async (ids: string[]) => {
    setNotice(null);
    try {
      await bulk.mutateAsync({ desk, ticketIds: ids, action: { type: "restore" } });
      await refresh();
      setNotice({ variant: "success", text: t("bulk.restored", { count: ids.length }) });
    } catch (error) {
      setNotice({ variant: "error", text: errorText(serverMessage(error)) ?? "" });
    }
  };

  const focusRow = (id: string) => {
    setActiveId(id);
    links.current.get(id)?.focus();
  };
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || rows.length === 0) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='menu'], [role='dialog'], [role='listbox']")) return;
    if (document.querySelector("[role='dialog'], [role='menu'], [role='alertdialog']")) return;
    const inList = !target || target === document.body || (listRef.current?.contains(target) ?? false);
    const index = rows.findIndex((row) => row.id === activeId);
    const active = index >= 0 ? rows[index] : undefined;
    switch (event.key) {
      case "j":
      case "k":
      case "ArrowDown":
      case "ArrowUp": {
        if (event.key.startsWith("Arrow") && !inList) return;
        event.preventDefault();
        const down = event.key === "j" || event.key === "ArrowDown";
        const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + (down ? 1 : -1)));
        focusRow(rows[next]!.id);
        return;
      }
      case "x":
        if (!active) return;
        event.preventDefault();
        toggle(active.id);
        return;
      case "Enter":
        // A focused link or button does its own thing.
        if (!active || !inList || target?.closest("a, button")) return;
        event.preventDefault();
        router.push(ticketHref(desk, active.id));
        return;
      case "Escape":
        if (selected.size === 0) return;
        setSelected(noIds);
        return;
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const timeColumn = filters.sort === "lastCustomer" ? "customerWrote" : filters.sort === "priority" ? "updated" : "created";
  const timeOf = (row: InboxRow) =>
    filters.sort === "lastCustomer" ? (row.lastCustomerMessageAt ?? row.createdAt) : filters.sort === "priority" ? row.lastActivityAt : row.createdAt;
  const filtered = hasFilters(customerFixed ? { ...filters, customer: null } : filters);
  const refreshing = query.isFetching && !query.isFetchingNextPage && !query.isPending;

  let body: ReactNode;
  if (rangeReversed(filters)) {
    body = <EmptyState title={t("list.rangeReversed")} description={errorText("date.order")} />;
  } else if (query.isPending) {
    body = (
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white" aria-busy="true">
        <span className="sr-only">{tCommon("loading")}</span>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-4 py-3 last:border-0">
            <Skeleton className="size-4" />
            <div className="flex flex-1 flex-col gap-1.5">
              <Skeleton className="h-4 w-2/3" />
              <Skeleton className="h-3 w-1/3" />
            </div>
            <Skeleton className="hidden h-5 w-16 md:block" />
            <Skeleton className="h-5 w-14" />
          </div>
        ))}
      </div>
    );
  } else if (query.isError && rows.length === 0) {
    body = (
      <Alert
        variant="error"
        title={t("list.error")}
        action={
          <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
            {tCommon("retry")}
          </Button>
        }
      >
        {errorText(serverMessage(query.error))}
      </Alert>
    );
  } else if (rows.length === 0) {
    const department = filters.department ? departments.find((d) => d.id === filters.department) : undefined;
    body = filtered ? (
      <EmptyState
        title={t("list.noMatch")}
        description={t("list.noMatchDescription")}
        action={
          <Button variant="secondary" onClick={() => onFiltersChange(customerFixed ? { ...clearFilters(filters), customer: filters.customer } : clearFilters(filters))}>
            {t("filters.clear")}
          </Button>
        }
      />
    ) : empty ? (
      <EmptyState title={empty.title} description={empty.description} />
    ) : department ? (
      <EmptyState title={t("list.emptyQueue")} description={t("list.emptyDepartment", { name: department.name })} icon={inboxIcon} />
    ) : (
      <EmptyState title={t(`list.empty.${filters.view}.title`)} description={t(`list.empty.${filters.view}.description`)} icon={inboxIcon} />
    );
  } else {
    const allSelected = selectedRows.length === rows.length;
    body = (
      <div ref={listRef} aria-busy={refreshing || undefined} className={cn(query.isPlaceholderData && "opacity-60 transition-opacity")}>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table aria-label={label} className="min-w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="w-10 py-2.5 pr-1 pl-4">
                  <Checkbox
                    aria-label={t("list.selectAll")}
                    checked={allSelected ? true : selectedRows.length > 0 ? "indeterminate" : false}
                    onCheckedChange={() => setSelected(allSelected ? noIds : new Set(rows.map((row) => row.id)))}
                  />
                </th>
                <th scope="col" className="px-3 py-2.5">
                  {t("list.ticket")}
                </th>
                <th scope="col" className="hidden px-3 py-2.5 lg:table-cell">
                  {t("list.assignee")}
                </th>
                <th scope="col" className="px-3 py-2.5">
                  {t("list.status")}
                </th>
                <th scope="col" className="hidden px-3 py-2.5 sm:table-cell">
                  {t("list.priority")}
                </th>
                <th scope="col" className="px-3 py-2.5 pr-4 text-right">
                  {t(`list.time.${timeColumn}`)}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <TicketRow
                  key={row.id}
                  row={row}
                  href={ticketHref(desk, row.id)}
                  selected={selected.has(row.id)}
                  active={row.id === activeId}
                  viewerMembershipId={viewer.membershipId}
                  customerFixed={customerFixed}
                  time={timeOf(row)}
                  timeZone={timeZone}
                  linkRef={(node) => {
                    if (node) links.current.set(row.id, node);
                    else links.current.delete(row.id);
                  }}
                  onFocus={() => setActiveId(row.id)}
                  onToggle={() => toggle(row.id)}
                />
              ))}
            </tbody>
          </table>
          <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-2.5 text-xs text-slate-500">
            <span>{t("list.shown", { count: rows.length })}</span>
            {query.hasNextPage && !query.isPlaceholderData ? (
              <Button variant="secondary" size="sm" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                {t("list.more")}
              </Button>
            ) : null}
            <span className="hidden sm:inline" aria-hidden="true">
              {t.rich("list.shortcuts", { kbd: (chunks) => <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-[11px] text-slate-600">{chunks}</kbd> })}
            </span>
          </div>
        </div>
        {query.isFetchNextPageError ? (
          <Alert variant="error" className="mt-2" action={<Button variant="secondary" size="sm" onClick={() => void query.fetchNextPage()}>{tCommon("retry")}</Button>}>
            {errorText(serverMessage(query.error))}
          </Alert>
        ) : null}
      </div>
    );
  }

  return (
    <div>
      <div className="flex flex-wrap items-start gap-2">
        {toolbar}
        <div className="min-w-0 flex-1">
          <FilterBar
            value={filters}
            onChange={onFiltersChange}
            viewChoices={viewChoices}
            departmentChoice={departmentChoice}
            compact={compact}
            departments={departments}
            staff={manager ? (staff.data ?? null) : null}
            customerLabel={customer.data ? customer.data.name || customer.data.email : null}
            customerFixed={customerFixed}
            timeZone={timeZone}
          />
        </div>
      </div>
      {notice ? (
        <Alert
          variant={notice.variant}
          className="mb-2"
          action={
            <div className="flex gap-1">
              {notice.undo ? (
                <Button variant="secondary" size="sm" onClick={() => void undoTrash(notice.undo!)}>
                  {t("bulk.undo")}
                </Button>
              ) : null}
              <Button variant="ghost" size="sm" onClick={() => setNotice(null)}>
                {tCommon("close")}
              </Button>
            </div>
          }
        >
          {notice.text}
        </Alert>
      ) : null}
      {selectedRows.length > 0 ? (
        <BulkBar
          count={selectedRows.length}
          view={filters.view}
          busy={bulk.isPending}
          me={viewer.membershipId}
          staff={manager ? (staff.data ?? null) : null}
          onAction={(action) => void run(action)}
          onClear={() => setSelected(noIds)}
        />
      ) : null}
      {body}
    </div>
  );
}

const inboxIcon = (
  <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
    <path d="M3 13.5h4.5l1.5 3h6l1.5-3H21" />
    <path d="M5.4 5.6 3 13.5V19a1.5 1.5 0 0 0 1.5 1.5h15A1.5 1.5 0 0 0 21 19v-5.5l-2.4-7.9A1.5 1.5 0 0 0 17.2 4.5H6.8a1.5 1.5 0 0 0-1.4 1.1Z" />
  </svg>
);
