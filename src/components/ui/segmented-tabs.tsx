"use client";

import { cn } from "@/lib/cn";

/**
 * A small row of tabs over one panel (Reply/Note, Write/Preview, Pending/Decided): only the chosen
 * tab is in the tab order, and the arrow keys, Home and End move the choice.
 */
export function SegmentedTabs<V extends string>({
  idPrefix,
  label,
  values,
  value,
  onChange,
  labelOf,
  className = "flex gap-1 rounded-lg bg-slate-100 p-0.5",
  tabClassName = "px-2.5",
}: {
  /** Tab ids are `${idPrefix}-tab-${value}`; they control `${idPrefix}-panel`. */
  idPrefix: string;
  label: string;
  values: readonly V[];
  value: V;
  onChange: (value: V) => void;
  labelOf: (value: V) => string;
  className?: string;
  tabClassName?: string;
}) {
  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = values.indexOf(value);
    const next =
      event.key === "ArrowRight"
        ? values[(index + 1) % values.length]
        : event.key === "ArrowLeft"
          ? values[(index - 1 + values.length) % values.length]
          : event.key === "Home"
            ? values[0]
            : event.key === "End"
              ? values.at(-1)
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onChange(next);
    document.getElementById(`${idPrefix}-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className}>
      {values.map((option) => (
        <button
          key={option}
          id={`${idPrefix}-tab-${option}`}
          type="button"
          role="tab"
          aria-selected={value === option}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={value === option ? 0 : -1}
          onClick={() => onChange(option)}
          onKeyDown={onKeyDown}
          className={cn(
            "cursor-pointer rounded-md py-1 text-sm font-medium transition-colors",
            tabClassName,
            value === option ? "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900",
          )}
        >
          {labelOf(option)}
        </button>
      ))}
    </div>
  );
}
