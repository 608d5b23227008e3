"use client";

import { cn } from "@/lib/cn";

/** One segment of the row: the chosen one raised on white. */
const segment = (chosen: boolean, size: string) =>
  cn("cursor-pointer rounded-md font-medium transition-colors", size, chosen ? "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900");

/**
 * A small row of tabs over one panel (Reply/Note, Write/Preview, Pending/Decided): only the chosen
 * tab is in the tab order, and the arrow keys, Home and End move the choice.
 */
/** A row of segments: what it chooses (its accessible name), the values, the chosen one and their words. */
type SegmentsProps<V extends string> = {
  label: string;
  values: readonly V[];
  value: V;
  onChange: (value: V) => void;
  labelOf: (value: V) => string;
  className?: string;
};

export function SegmentedTabs<V extends string>({
  idPrefix,
  label,
  values,
  value,
  onChange,
  labelOf,
  className = "flex gap-1 rounded-lg bg-slate-100 p-0.5",
  tabClassName = "px-2.5",
}: SegmentsProps<V> & {
  /** Tab ids are `${idPrefix}-tab-${value}`; they control `${idPrefix}-panel`. */
  idPrefix: string;
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
          className={segment(value === option, cn("py-1 text-sm", tabClassName))}
        >
          {labelOf(option)}
        </button>
      ))}
    </div>
  );
}

/**
 * The same row as pressed buttons, for a choice that filters a list or changes how something is
 * shown rather than switching panels.
 */
export function SegmentedChoice<V extends string>({ size = "px-3 py-1 text-sm", ...row }: SegmentsProps<V> & { /** The segments' padding and text size. */ size?: string }) {
  return (
    <div role="group" aria-label={row.label} className={cn("flex gap-1 rounded-lg bg-slate-100 p-0.5", row.className)}>
      {row.values.map((option) => (
        <button key={option} type="button" aria-pressed={row.value === option} onClick={() => row.onChange(option)} className={segment(row.value === option, size)}>
          {row.labelOf(option)}
        </button>
      ))}
    </div>
  );
}
