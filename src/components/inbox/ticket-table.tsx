"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { NextPageFailure } from "@/components/ui/next-page-failure";
import { Skeleton } from "@/components/ui/skeleton";
import { ListSkeleton } from "@/components/ui/query-state";
import { ListTable, PagedFooter } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { TicketRow } from "./ticket-row";
import { ticketHref, type InboxRow } from "./shared";

type Paging = { hasNextPage: boolean; isFetchingNextPage: boolean; isFetchNextPageError: boolean; isPlaceholderData: boolean; error: unknown; fetchNextPage: () => Promise<unknown> };

/** The rows of a ticket list with select-all, the time column the sort asks for, and "show more". */
export function TicketTable({
  label,
  rows,
  selected,
  onSelectAll,
  onToggle,
  activeId,
  onActivate,
  links,
  listRef,
  refreshing,
  paging,
  viewerMembershipId,
  customerFixed,
  timeColumn,
  timeOf,
  timeZone,
  desk,
}: {
  label: string;
  rows: InboxRow[];
  selected: ReadonlySet<string>;
  onSelectAll: (all: boolean) => void;
  onToggle: (id: string) => void;
  activeId: string | null;
  onActivate: (id: string) => void;
  links: Map<string, HTMLAnchorElement>;
  listRef: RefObject<HTMLDivElement | null>;
  refreshing: boolean;
  paging: Paging;
  viewerMembershipId: string | null;
  customerFixed?: boolean;
  timeColumn: "customerWrote" | "updated" | "created";
  timeOf: (row: InboxRow) => Date;
  timeZone: string;
  desk: string;
}) {
  const t = useTranslations("inbox");
  const query = paging;
  const selectedCount = rows.filter((row) => selected.has(row.id)).length;
  const allSelected = selectedCount === rows.length;
  return (
    <div ref={listRef} aria-busy={refreshing || undefined} className={cn(query.isPlaceholderData && "opacity-60 transition-opacity")}>
      <ListTable
        label={label}
        columns={[
          {
            key: "select",
            label: <Checkbox aria-label={t("list.selectAll")} checked={allSelected ? true : selectedCount > 0 ? "indeterminate" : false} onCheckedChange={() => onSelectAll(!allSelected)} />,
            className: "w-10 py-2.5 pr-1 pl-4",
          },
          { key: "ticket", label: t("list.ticket") },
          { key: "assignee", label: t("list.assignee"), className: "hidden px-3 py-2.5 lg:table-cell" },
          { key: "status", label: t("list.status") },
          { key: "priority", label: t("list.priority"), className: "hidden px-3 py-2.5 sm:table-cell" },
          { key: "time", label: t(`list.time.${timeColumn}`), className: "px-3 py-2.5 pr-4 text-right" },
        ]}
        footer={
          <PagedFooter
            shown={t("list.shown", { count: rows.length })}
            moreLabel={t("list.more")}
            paging={query}
            note={
              <span className="hidden sm:inline" aria-hidden="true">
                {t.rich("list.shortcuts", { kbd: (chunks) => <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-[11px] text-slate-600">{chunks}</kbd> })}
              </span>
            }
          />
        }
      >
        {rows.map((row) => (
          <TicketRow
            key={row.id}
            row={row}
            href={ticketHref(desk, row.id)}
            selected={selected.has(row.id)}
            active={row.id === activeId}
            viewerMembershipId={viewerMembershipId}
            customerFixed={customerFixed}
            time={timeOf(row)}
            timeZone={timeZone}
            linkRef={(node) => {
              if (node) links.set(row.id, node);
              else links.delete(row.id);
            }}
            onFocus={() => onActivate(row.id)}
            onToggle={() => onToggle(row.id)}
          />
        ))}
      </ListTable>
      <NextPageFailure paging={query} />
    </div>
  );
}

/** Placeholder rows while the first page of tickets loads. */
export function TicketListSkeleton() {
  return (
    <ListSkeleton
      rows={8}
      className="overflow-hidden rounded-xl border border-slate-200 bg-white"
      row={() => (
        <div className="flex items-center gap-4 border-b border-slate-100 px-4 py-3 last:border-0">
          <Skeleton className="size-4" />
          <div className="flex flex-1 flex-col gap-1.5">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-1/3" />
          </div>
          <Skeleton className="hidden h-5 w-16 md:block" />
          <Skeleton className="hidden h-5 w-16 md:block" />
          <Skeleton className="h-5 w-14" />
        </div>
      )}
    />
  );
}

export const inboxIcon = (
  <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
    <path d="M3 13.5h4.5l1.5 3h6l1.5-3H21" />
    <path d="M5.4 5.6 3 13.5V19a1.5 1.5 0 0 0 1.5 1.5h15A1.5 1.5 0 0 0 21 19v-5.5l-2.4-7.9A1.5 1.5 0 0 0 17.2 4.5H6.8a1.5 1.5 0 0 0-1.4 1.1Z" />
  </svg>
);
