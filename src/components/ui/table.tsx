import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { Button } from "./button";

/** A bordered, horizontally scrollable table for panel lists. */
export function Table({ className, children, footer, ...props }: ComponentProps<"table"> & { footer?: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", className)} {...props}>
        {children}
      </table>
      {footer ? <div className="border-t border-slate-200 p-3 text-center">{footer}</div> : null}
    </div>
  );
}

/** A column title, right-aligned over figures or read only by screen readers (over buttons). */
export type TableColumn = React.ReactNode | { label: React.ReactNode; align?: "right"; srOnly?: boolean };

const isColumnObject = (column: TableColumn): column is { label: React.ReactNode; align?: "right"; srOnly?: boolean } =>
  typeof column === "object" && column !== null && "label" in column;

/** The header row: pass the column titles. */
export function TableHeader({ columns }: { columns: TableColumn[] }) {
  return (
    <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col" className="px-4 py-3">
            {isColumnObject(column) ? <span className={column.srOnly ? "sr-only" : column.align === "right" ? "block text-right" : undefined}>{column.label}</span> : column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function Cell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 text-slate-600", className)} {...props} />;
}

/** A compact list (the inbox, customers, search results): column titles with their own classes over the rows. */
export function ListTable({
  label,
  columns,
  footer,
  children,
}: {
  label: string;
  columns: { key: string; label: React.ReactNode; className?: string }[];
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table aria-label={label} className="min-w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className ?? "px-3 py-2.5"}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
      {footer}
    </div>
  );
}

/** Under a paged list: how many rows are shown, "Show more" while there are more, and a note at the end. */
export function PagedFooter({
  shown,
  moreLabel,
  paging,
  note = <span />,
}: {
  shown: React.ReactNode;
  moreLabel: string;
  paging: Paging;
  note?: React.ReactNode;
}) {
  return (
    <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-2.5 text-xs text-slate-500">
      <span>{shown}</span>
      <ShowMore paging={paging} label={moreLabel} />
      {note}
    </div>
  );
}

type Paging = { hasNextPage: boolean; isPlaceholderData: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** "Show more" under a paged list while there is a next page (not while older results stand in for new ones). */
export function ShowMore({ paging, label }: { paging: Paging; label: string }) {
  return paging.hasNextPage && !paging.isPlaceholderData ? (
    <Button variant="secondary" size="sm" loading={paging.isFetchingNextPage} onClick={() => void paging.fetchNextPage()}>
      {label}
    </Button>
  ) : null;
}
