import { useId, type ReactNode } from "react";
import { LoadingPlaceholder } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";

/** One part of the Staff page: a heading, a line of explanation, and its content. */
export function StaffSection({
  title,
  description,
  meta,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** A short count or status beside the title. */
  meta?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id={id} className="flex items-center gap-2 text-lg font-semibold text-slate-900">
            {title}
            {meta ? <span className="text-sm font-normal text-slate-500">{meta}</span> : null}
          </h2>
          {description ? <p className="mt-0.5 max-w-3xl text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions ? <div className="flex gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A table-shaped placeholder while a list loads. */
export function TableSkeleton({ rows = 3, label }: { rows?: number; label: string }) {
  return (
    <LoadingPlaceholder className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4" label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-3">
          <Skeleton className="size-8 shrink-0 rounded-full" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="hidden h-4 flex-1 sm:block" />
        </div>
      ))}
    </LoadingPlaceholder>
  );
}
