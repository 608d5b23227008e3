"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { DismissibleNotice } from "@/components/ui/notices";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { SectionHeading } from "@/components/ui/section-heading";
import { useTRPC } from "@/trpc/react";
import { minutesOfDay, timeOfDay } from "./duration";
import { weekOrder, type BusinessHoursData } from "./shared";

type Row = { key: number; day: number; start: string; end: string };
let nextKey = 0;
const rowsOf = (data: BusinessHoursData): Row[] => data.week.map((w) => ({ key: nextKey++, day: w.day, start: timeOfDay(w.start), end: timeOfDay(w.end) }));

/** Settings → SLA, the business hours: the loaded week and holidays, then the editor. */
export function BusinessHoursEditor({ desk }: { desk: string }) {
  const t = useTranslations("sla.settings.hours");
  const trpc = useTRPC();
  const hours = useQuery(trpc.sla.hours.queryOptions({ desk }));
  const content = (
    <QueryState query={hours} loading={<ListSkeleton rows={7} rowClassName="h-9 w-full max-w-xl" />} errorMessage={t("loadFailed")}>
      {(data) => <HoursForm desk={desk} data={data} key={hours.dataUpdatedAt} />}
    </QueryState>
  );
  return (
    <section aria-labelledby="sla-hours-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
      <SectionHeading id="sla-hours-title" title={t("title")} description={t("description", { timeZone: (hours.data?.timeZone ?? "UTC").replaceAll("_", " ") })} descriptionClassName="mt-0" />
      {content}
    </section>
  );
}

function HoursForm({ desk, data }: { desk: string; data: BusinessHoursData }) {
  const t = useTranslations("sla.settings.hours");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.sla.saveHours.mutationOptions());
  const [rows, setRows] = useState<Row[]>(() => rowsOf(data));
  const [holidays, setHolidays] = useState<string[]>(data.holidays);
  const [holiday, setHoliday] = useState("");
  const failure = useCallFailure();
  const [notice, setNotice] = useState<string | null>(null);

  const change = (key: number, patch: Partial<Row>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const dayName = (day: number) => t(`days.${day}` as "days.1");
  const holidayLabel = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setNotice(null);
    const week = rows.map((r) => ({ day: r.day, start: minutesOfDay(r.start), end: minutesOfDay(r.end) }));
    if (week.some((w) => w.start === null || w.end === null)) return failure.set({ key: "sla.timeInvalid" });
    if (week.length === 0) return failure.set({ key: "sla.weekEmpty" });
    await failure.run(async () => {
      await save.mutateAsync({ desk, week: week.map((w) => ({ day: w.day, start: w.start!, end: w.end! })), holidays });
      await queryClient.invalidateQueries({ queryKey: trpc.sla.hours.queryKey({ desk }) });
      setNotice(t("saved"));
    });
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-5">
      {data.custom ? null : <p className="text-sm text-slate-500">{t("defaultNote")}</p>}
      <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200">
        {weekOrder.map((day) => {
          const own = rows.filter((r) => r.day === day);
          return (
            <li key={day} className="grid gap-2 px-3 py-2 sm:grid-cols-[9rem_minmax(0,1fr)_auto] sm:items-center" data-testid={`sla-day-${day}`}>
              <span className="text-sm font-medium text-slate-800">{dayName(day)}</span>
              <div className="flex flex-col gap-2">
                {own.length === 0 ? <span className="text-sm text-slate-400">{t("closed")}</span> : null}
                {own.map((row) => {
                  const start = minutesOfDay(row.start);
                  const end = minutesOfDay(row.end);
                  const overnight = start !== null && end !== null && end <= start;
                  return (
                    <div key={row.key} className="flex flex-wrap items-center gap-2">
                      <Input type="time" aria-label={`${dayName(day)} · ${t("from")}`} className="h-8 w-32" value={row.start} onChange={(e) => change(row.key, { start: e.target.value })} />
                      <span aria-hidden="true">–</span>
                      <Input type="time" aria-label={`${dayName(day)} · ${t("to")}`} className="h-8 w-32" value={row.end} onChange={(e) => change(row.key, { end: e.target.value })} />
                      {overnight ? <span className="text-xs text-slate-500">{start === end ? t("allDay") : t("nextDay")}</span> : null}
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        aria-label={t("removeInterval", { day: dayName(day), from: row.start, to: row.end })}
                        onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
                      >
                        ×
                      </Button>
                    </div>
                  );
                })}
              </div>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                aria-label={t("addIntervalFor", { day: dayName(day) })}
                onClick={() => setRows((list) => [...list, { key: nextKey++, day, start: "09:00", end: "17:00" }])}
              >
                {t("addInterval")}
              </Button>
            </li>
          );
        })}
      </ul>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-semibold text-slate-800">{t("holidays")}</legend>
        <p className="text-xs text-slate-500">{t("holidaysHint")}</p>
        <div className="flex flex-wrap items-center gap-2">
          <Input type="date" aria-label={t("holidayDate")} className="h-8 w-44" value={holiday} onChange={(e) => setHoliday(e.target.value)} />
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={!/^\d{4}-\d{2}-\d{2}$/.test(holiday)}
            onClick={() => {
              setHolidays((list) => [...new Set([...list, holiday])].sort());
              setHoliday("");
            }}
          >
            {t("addHoliday")}
          </Button>
        </div>
        {holidays.length === 0 ? (
          <p className="text-sm text-slate-400">{t("noHolidays")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {holidays.map((day) => (
              <li key={day} className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pr-1 pl-3 text-sm text-slate-700">
                <time dateTime={day}>{holidayLabel(day)}</time>
                <Button type="button" variant="ghost" size="sm" className="h-6 px-1.5" aria-label={t("removeHoliday", { day: holidayLabel(day) })} onClick={() => setHolidays((list) => list.filter((d) => d !== day))}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {failure.message ? <Alert variant="error">{failure.message}</Alert> : null}
      <DismissibleNotice notice={notice ? { variant: "success", text: notice } : null} onClose={() => setNotice(null)} />
      <div>
        <Button type="submit" loading={save.isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
