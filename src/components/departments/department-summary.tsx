import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

export type DepartmentSummaryProps = {
  name: string;
  description: string;
  /** The translated badge: "Visitors may choose it" or "Internal". */
  visibility: { isPublic: boolean; label: string };
  /** The responsible person line, already translated; omitted when not known (agents). */
  responsible?: ReactNode;
  depth: number;
  actions?: ReactNode;
};

/** One department's row: used by the managers' tree and the agents' read-only list. */
export function DepartmentSummary({ name, description, visibility, responsible, depth, actions }: DepartmentSummaryProps) {
  return (
    <div
      className="flex flex-col gap-3 py-3 pr-4 sm:flex-row sm:items-center"
      style={{ paddingLeft: `calc(1rem + ${Math.min(depth, 6) * 1.75}rem)` }}
    >
      <div className="flex min-w-0 flex-1 gap-2">
        {depth > 0 ? (
          <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-400">
            <path d="M4 2.5v6a2 2 0 0 0 2 2h6.5m-2.5-2.5 2.5 2.5-2.5 2.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        ) : null}
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className={cn("font-medium text-slate-900", depth === 0 ? "text-base" : "text-sm")}>{name}</span>
            <Badge variant={visibility.isPublic ? "brand" : "neutral"}>{visibility.label}</Badge>
          </div>
          {description ? <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{description}</p> : null}
          {responsible ? (
            <p className="mt-1 flex items-center gap-1.5 text-xs text-slate-500">
              <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-3.5 shrink-0">
                <circle cx="8" cy="5.5" r="2.75" stroke="currentColor" strokeWidth="1.5" />
                <path d="M2.75 13.5c.6-2.4 2.7-3.75 5.25-3.75s4.65 1.35 5.25 3.75" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
              {responsible}
            </p>
          ) : null}
        </div>
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-1 sm:justify-end">{actions}</div> : null}
    </div>
  );
}
