"use client";

import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { LoadError } from "./notices";
import { Skeleton } from "./skeleton";

/** What QueryState needs of a TanStack query (a single one or several joined by `joinQueries`). */
export type QueryLike<T> = {
  isPending: boolean;
  isError: boolean;
  data: T | undefined;
  error?: unknown;
  refetch: () => unknown;
};

/** Two queries as one: pending while either is, failed while either has failed; a retry repeats the failed ones. */
export function joinQueries<A, B>(a: QueryLike<A>, b: QueryLike<B>): QueryLike<[A, B]> {
  return {
    isPending: a.isPending || b.isPending,
    isError: a.isError || b.isError,
    data: a.data !== undefined && b.data !== undefined ? [a.data, b.data] : undefined,
    error: a.error ?? b.error,
    refetch: () => Promise.all([a.isError ? a.refetch() : null, b.isError ? b.refetch() : null]),
  };
}

/**
 * The four states of a list or panel fed by a query: a skeleton while it loads, the failure with
 * a way to try again, what it says when there is nothing, and the content.
 */
export function QueryState<T>({
  query,
  loading = <ListSkeleton />,
  errorMessage,
  errorTitle,
  errorClassName,
  keepDataOnError = false,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  loading?: ReactNode;
  /** What failed, in the reader's words; a function gets the error (e.g. to show the server's message). */
  errorMessage: ReactNode | ((error: unknown) => ReactNode);
  errorTitle?: ReactNode;
  /** Room around the failure where the surrounding box has none. */
  errorClassName?: string;
  /** Keep showing data already loaded when a later refetch fails (paged and filtered lists). */
  keepDataOnError?: boolean;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <>{loading}</>;
  if (query.isError && (!keepDataOnError || query.data === undefined)) {
    const message = typeof errorMessage === "function" ? errorMessage(query.error) : errorMessage;
    const failure = <LoadError title={errorTitle} message={message} onRetry={() => void query.refetch()} />;
    return errorClassName ? <div className={errorClassName}>{failure}</div> : failure;
  }
  if (query.data === undefined) return null;
  if (isEmpty?.(query.data)) return <>{empty ?? null}</>;
  return <>{children(query.data)}</>;
}

/**
 * The usual placeholder of a list: `rows` blocks (or rows drawn by `row`), marked busy and
 * announced by a hidden label.
 */
export function ListSkeleton({
  rows = 4,
  rowClassName = "h-9 w-full",
  row,
  className = "flex flex-col gap-2",
  label,
  before,
}: {
  rows?: number;
  rowClassName?: string;
  /** Draws one placeholder row, for rows with more than one block. */
  row?: (index: number) => ReactNode;
  className?: string;
  /** The hidden text read while loading; "Loading…" by default. */
  label?: string;
  /** A placeholder above the rows (e.g. for a search box or a summary). */
  before?: ReactNode;
}) {
  return (
    <LoadingPlaceholder className={cn(className)} label={label}>
      {before}
      {Array.from({ length: rows }, (_, i) => (row ? <Fragment key={i}>{row(i)}</Fragment> : <Skeleton key={i} className={rowClassName} />))}
    </LoadingPlaceholder>
  );
}

/** Skeleton blocks shaped like what is loading, marked busy and announced by a hidden label ("Loading…" by default). */
export function LoadingPlaceholder({ className, label, children }: { className?: string; label?: string; children: ReactNode }) {
  const tCommon = useTranslations("common");
  return (
    <div className={className} aria-busy="true">
      <span className="sr-only">{label ?? tCommon("loading")}</span>
      {children}
    </div>
  );
}
