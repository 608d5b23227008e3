"use client";

import { useState } from "react";
import { cn } from "@/lib/cn";
import { StarIcon } from "./icons";

/**
 * A 1–5 choice drawn as stars: a native radio group under the stars (Tab to reach it, arrow keys
 * to move), each star labelled with its number and meaning.
 */
export function StarRating({
  name,
  legend,
  words,
  labels,
  value,
  onChange,
  describedBy,
}: {
  name: string;
  legend: string;
  /** What each value means, 1 to 5 ("Poor"… "Excellent"), shown beside the stars. */
  words: string[];
  /** The five radios' accessible names ("1 of 5: Poor"…). */
  labels: string[];
  value: number | null;
  onChange: (value: number) => void;
  describedBy?: string;
}) {
  const [hovered, setHovered] = useState<number | null>(null);
  const shown = hovered ?? value ?? 0;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
        <div className="-ml-1 flex" onMouseLeave={() => setHovered(null)}>
          {[1, 2, 3, 4, 5].map((n) => (
            <label
              key={n}
              onMouseEnter={() => setHovered(n)}
              className="cursor-pointer rounded-md p-1 has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-0 has-[input:focus-visible]:outline-brand-500"
            >
              <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} className="sr-only" />
              <StarIcon
                filled={n <= shown}
                className={cn("size-7 transition-colors motion-reduce:transition-none", n <= shown ? "text-amber-400" : "text-slate-300")}
              />
              <span className="sr-only">{labels[n - 1]}</span>
            </label>
          ))}
        </div>
        <span aria-hidden="true" className="min-h-5 min-w-24 text-sm text-slate-600">
          {shown ? words[shown - 1] : ""}
        </span>
      </div>
    </fieldset>
  );
}

/** A given rating as stars, read as "4 of 5". */
export function StarsShown({ value, label }: { value: number; label: string }) {
  return (
    <span className="inline-flex items-center" role="img" aria-label={label}>
      {[1, 2, 3, 4, 5].map((n) => (
        <StarIcon key={n} filled={n <= value} className={cn("size-4", n <= value ? "text-amber-400" : "text-slate-300")} />
      ))}
    </span>
  );
}
