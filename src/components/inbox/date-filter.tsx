"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { useId } from "react";
import { useErrorText } from "@/components/forms/errors";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";

type Props = {
  from: string | null;
  to: string | null;
  onChange: (range: { from: string | null; to: string | null }) => void;
  timeZone: string;
};

/** "Created" between two days of the desk's calendar, in a small popover to keep the bar short. */
export function DateFilter({ from, to, onChange, timeZone }: Props) {
  const t = useTranslations("inbox.filters");
  const errorText = useErrorText();
  const format = useFormatter();
  const id = useId();
  const reversed = from !== null && to !== null && from > to;
  const day = (value: string) =>
    format.dateTime(new Date(`${value}T12:00:00Z`), {
      month: "short",
      day: "numeric",
      year: value.slice(0, 4) === String(new Date().getFullYear()) ? undefined : "numeric",
      timeZone: "UTC",
    });
  const active = from !== null || to !== null;
  const summary = from && to ? t("createdBetween", { from: day(from), to: day(to) }) : from ? t("createdFrom", { from: day(from) }) : to ? t("createdTo", { to: day(to) }) : t("created");

  return (
    <Popover.Root>
      <Popover.Trigger
        className={cn(
          "inline-flex h-8 max-w-60 cursor-pointer items-center gap-1.5 rounded-lg border px-2.5 text-sm shadow-xs transition-colors",
          reversed
            ? "border-red-500 bg-red-50 text-red-800"
            : active
              ? "border-brand-500/40 bg-brand-50 text-brand-700 hover:bg-brand-100"
              : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
        )}
      >
        <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-3.5 shrink-0 opacity-70">
          <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" stroke="currentColor" strokeWidth="1.3" />
          <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
        </svg>
        <span className="truncate">{summary}</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          aria-label={t("created")}
          className="z-50 flex w-64 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg shadow-slate-900/10 motion-safe:animate-dh-pop-in"
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-from`} className="text-xs font-medium text-slate-700">
              {t("from")}
            </label>
            <Input id={`${id}-from`} type="date" className="h-8" value={from ?? ""} max={to ?? undefined} onChange={(e) => onChange({ from: e.target.value || null, to })} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-to`} className="text-xs font-medium text-slate-700">
              {t("to")}
            </label>
            <Input
              id={`${id}-to`}
              type="date"
              className="h-8"
              value={to ?? ""}
              min={from ?? undefined}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? `${id}-error` : `${id}-hint`}
              onChange={(e) => onChange({ from, to: e.target.value || null })}
            />
          </div>
          {reversed ? (
            <p id={`${id}-error`} className="text-xs text-red-700">
              {errorText("date.order")}
            </p>
          ) : null}
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {t("timeZone", { timeZone: timeZone.replaceAll("_", " ") })}
          </p>
          {active ? (
            <Button type="button" variant="ghost" size="sm" className="self-start" onClick={() => onChange({ from: null, to: null })}>
              {t("anyDate")}
            </Button>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
