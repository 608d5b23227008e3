import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { controlClassName } from "./input";

export type NativeSelectProps = ComponentProps<"select"> & {
  /** Classes for the wrapper (width, margins); `className` styles the <select> itself. */
  wrapperClassName?: string;
};

/** A styled native <select>: best keyboard, screen-reader and mobile behaviour for free. */
export function NativeSelect({ className, wrapperClassName, children, ...props }: NativeSelectProps) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select
        className={cn(controlClassName, "h-9 cursor-pointer appearance-none py-1.5 pr-9 pl-3", className)}
        {...props}
      >
        {children}
      </select>
      <svg
        viewBox="0 0 16 16"
        fill="none"
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500"
      >
        <path d="m4 6 4 4 4-4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </div>
  );
}

/** The options of a select, one per item: its value (the item itself for text) and its label. */
export function Options<T>({ items, value = String, label }: { items: readonly T[]; value?: (item: T) => string; label: (item: T) => React.ReactNode }) {
  return items.map((item) => (
    <option key={value(item)} value={value(item)}>
      {label(item)}
    </option>
  ));
}
