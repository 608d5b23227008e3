import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** One titled card of Settings → Widget. */
export function WidgetSection({
  id,
  title,
  description,
  error,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  /** A problem with the section as a whole (shown under the description). */
  error?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cn("rounded-xl border border-slate-200 bg-white p-6", className)}>
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {description ? <p className="mt-1 mb-4 max-w-2xl text-sm text-slate-600">{description}</p> : <div className="mb-4" />}
      {error ? (
        <p id={`${id}-error`} data-problem className="mb-4 flex items-start gap-1.5 text-sm text-red-700">
          <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="mt-0.5 size-4 shrink-0">
            <circle cx="8" cy="8" r="6.25" stroke="currentColor" strokeWidth="1.5" />
            <path d="M8 4.75v3.75" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
            <circle cx="8" cy="11" r="0.9" fill="currentColor" />
          </svg>
          <span>{error}</span>
        </p>
      ) : null}
      {children}
    </section>
  );
}
