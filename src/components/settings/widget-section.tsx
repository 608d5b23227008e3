import type { ReactNode } from "react";
import { FieldProblem } from "@/components/ui/field";
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
        <FieldProblem id={`${id}-error`} className="mb-4">
          {error}
        </FieldProblem>
      ) : null}
      {children}
    </section>
  );
}
