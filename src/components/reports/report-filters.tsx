"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/errors";
import { shiftDay } from "@/components/staff/shared";
import { DayPresets } from "@/components/ui/day-presets";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { reportFilter, type ReportFilter } from "@/server/reports/inputs";
import { useTRPC } from "@/trpc/react";

const presets = [7, 30, 90, 365] as const;

/** What is wrong with the filter, by field, as "errors" keys — the server checks the same schema. */
export function filterProblem(filter: ReportFilter): { field: string; key: string } | null {
  const parsed = reportFilter.safeParse(filter);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { field: String(issue.path[0] ?? "to"), key: issue.message };
}

/** Dates (desk days) and department of every report on the page. */
export function ReportFilters({ desk, today, timeZone, filter, onChange }: { desk: string; today: string; timeZone: string; filter: ReportFilter; onChange: (filter: ReportFilter) => void }) {
  const t = useTranslations("reports.filters");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const departments = useQuery(trpc.departments.list.queryOptions({ desk }));
  const problem = filterProblem(filter);
  const activePreset = filter.to === today ? presets.find((days) => filter.from === shiftDay(today, -(days - 1))) : undefined;
  return (
    <div role="group" aria-label={t("label")} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-start">
        <Field label={t("from")} error={problem?.field === "from" ? errorText(problem.key) : undefined} className="sm:w-44">
          <Input type="date" value={filter.from} max={filter.to || undefined} onChange={(event) => onChange({ ...filter, from: event.target.value })} data-testid="report-from" />
        </Field>
        <Field label={t("to")} error={problem?.field === "to" ? errorText(problem.key) : undefined} className="sm:w-44">
          <Input type="date" value={filter.to} min={filter.from || undefined} onChange={(event) => onChange({ ...filter, to: event.target.value })} data-testid="report-to" />
        </Field>
        <Field label={t("department")} hint={t("departmentHint")} className="sm:w-56">
          {(control) => (
            <NativeSelect {...control} value={filter.departmentId ?? ""} onChange={(event) => onChange({ ...filter, departmentId: event.target.value || null })}>
              <option value="">{t("allDepartments")}</option>
              {(departments.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.parentId ? `— ${d.name}` : d.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <DayPresets
          label={t("presets")}
          presets={presets}
          active={activePreset}
          labelOf={(days) => t("lastDays", { days })}
          onChoose={(days) => onChange({ ...filter, from: shiftDay(today, -(days - 1)), to: today })}
        />
      </div>
      <p className="text-xs text-slate-500">{t("timeZone", { timeZone: timeZone.replaceAll("_", " ") })}</p>
    </div>
  );
}
