"use client";

import { keepPreviousData, skipToken, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { serverMessage, useErrorText } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import { BulkBar, type BulkAction } from "./bulk-bar";
import { TicketListSkeleton, TicketTable, inboxIcon } from "./ticket-table";
import { useInboxKeyboard } from "./use-inbox-keyboard";
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

  useInboxKeyboard({
    rows,
    activeId,
    setActiveId,
    links,
    listRef,
    selectedCount: selected.size,
    onToggle: toggle,
    onClearSelection: () => setSelected(noIds),
    open: (id) => router.push(ticketHref(desk, id)),
  });

  const timeColumn = filters.sort === "lastCustomer" ? "customerWrote" : filters.sort === "priority" ? "updated" : "created";
  const timeOf = (row: InboxRow) =>
    filters.sort === "lastCustomer" ? (row.lastCustomerMessageAt ?? row.createdAt) : filters.sort === "priority" ? row.lastActivityAt : row.createdAt;
  const filtered = hasFilters(customerFixed ? { ...filters, customer: null } : filters);
  const refreshing = query.isFetching && !query.isFetchingNextPage && !query.isPending;

  const emptyDepartment = filters.department ? departments.find((d) => d.id === filters.department) : undefined;
  const body = rangeReversed(filters) ? (
    <EmptyState title={t("list.rangeReversed")} description={errorText("date.order")} />
  ) : (
    <QueryState
      query={query}
      loading={<TicketListSkeleton />}
      errorTitle={t("list.error")}
      errorMessage={(error) => errorText(serverMessage(error))}
      keepDataOnError
      isEmpty={() => rows.length === 0}
      empty={
        filtered ? (
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
        ) : emptyDepartment ? (
          <EmptyState title={t("list.emptyQueue")} description={t("list.emptyDepartment", { name: emptyDepartment.name })} icon={inboxIcon} />
        ) : (
          <EmptyState title={t(`list.empty.${filters.view}.title`)} description={t(`list.empty.${filters.view}.description`)} icon={inboxIcon} />
        )
      }
    >
      {() => (
        <TicketTable
          label={label}
          rows={rows}
          selected={selected}
          onSelectAll={(all) => setSelected(all ? new Set(rows.map((row) => row.id)) : noIds)}
          onToggle={toggle}
          activeId={activeId}
          onActivate={setActiveId}
          links={links.current}
          listRef={listRef}
          refreshing={refreshing}
          paging={query}
          viewerMembershipId={viewer.membershipId}
          customerFixed={customerFixed}
          timeColumn={timeColumn}
          timeOf={timeOf}
          timeZone={timeZone}
          desk={desk}
        />
      )}
    </QueryState>
  );

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
