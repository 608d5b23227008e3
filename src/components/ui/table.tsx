import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

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

/** The header row: pass the column titles. */
export function TableHeader({ columns }: { columns: React.ReactNode[] }) {
  return (
    <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col" className="px-4 py-3">
            {column}
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
