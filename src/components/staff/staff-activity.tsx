"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DayPresets } from "@/components/ui/day-presets";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { QueryState } from "@/components/ui/query-state";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { StaffStatisticsReport } from "@/components/reports/quality-reports";
import { StatisticsRequired } from "@/components/reports/statistics-required";
import { LastSeen } from "./last-seen";
import { TableSkeleton } from "./section";
import { shiftDay } from "./shared";

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const presets = [7, 30, 90] as const;

/** What a range of dates is wrong with, as a key of the "errors" namespace (the server checks the same). */
function rangeProblem(from: string, to: string): { field: "from" | "to"; key: string } | null {
  if (!isoDay.test(from)) return { field: "from", key: "date.invalid" };
  if (!isoDay.test(to)) return { field: "to", key: "date.invalid" };
  if (from > to) return { field: "to", key: "date.order" };
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) return { field: "to", key: "date.tooLong" };
  return null;
}

/**
 * Staff activity over calendar days of the desk's time zone; `today` is today there. With the
 * statistics option, the staff statistics of the same days follow the table.
 */
export function StaffActivity({ desk, today, timeZone, statistics }: { desk: string; today: string; timeZone: string; statistics: { enabled: boolean; canBuy: boolean } }) {
  const t = useTranslations("staff.activity");
  const tRole = useTranslations("panel.userMenu.role");
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  const format = useFormatter();
  const trpc = useTRPC();
  const [from, setFrom] = useState(shiftDay(today, -29));
  const [to, setTo] = useState(today);
  const problem = rangeProblem(from, to);
  const activity = useQuery({
    ...trpc.staff.activity.queryOptions({ desk, range: { from, to } }),
    enabled: problem === null,
    placeholderData: keepPreviousData,
  });

  const rows = [...(activity.data ?? [])].sort((a, b) => b.actions - a.actions || a.name.localeCompare(b.name));
  const total = rows.reduce((sum, row) => sum + row.actions, 0);
  const activePreset = to === today ? presets.find((days) => from === shiftDay(today, -(days - 1))) : undefined;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <div className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-start">
          <Field label={t("from")} error={problem?.field === "from" ? errorText(problem.key) : undefined} className="sm:w-44">
            <Input type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} />
          </Field>
          <Field label={t("to")} error={problem?.field === "to" ? errorText(problem.key) : undefined} className="sm:w-44">
            <Input type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} />
          </Field>
          <DayPresets
            label={t("presets")}
            presets={presets}
            active={activePreset}
            labelOf={(days) => t("lastDays", { days })}
            onChoose={(days) => {
              setFrom(shiftDay(today, -(days - 1)));
              setTo(today);
            }}
          />
        </div>
        <p className="text-xs text-slate-500">{t("timeZone", { zone: timeZone })}</p>
      </div>

      <Alert variant="info">{t("note")}</Alert>

      {problem ? null : (
        <QueryState
          query={activity}
          loading={<TableSkeleton rows={3} label={tCommon("loading")} />}
          errorMessage={t("error")}
          keepDataOnError
          isEmpty={() => rows.length === 0}
          empty={<EmptyState title={t("empty")} />}
        >
          {() => (
            <div aria-busy={activity.isFetching} className={cn("transition-opacity", activity.isFetching && "opacity-60")}>
              <Table aria-label={t("label")}>
                <TableHeader columns={[t("name"), t("role"), t("lastSeen"), t("actions"), t("perDay")]} />
                <TableBody>
                  {rows.map((row) => (
                    <tr key={row.membershipId} className={cn(!row.active && "bg-slate-50/60")}>
                      <Cell>
                        <div className="flex flex-col">
                          <span className="flex items-center gap-2 font-medium text-slate-900">
                            {row.name}
                            {row.active ? null : <Badge>{t("deactivated")}</Badge>}
                          </span>
                          <span className="text-xs text-slate-500">{row.email}</span>
                        </div>
                      </Cell>
                      <Cell>{tRole(row.role as "owner" | "admin" | "agent")}</Cell>
                      <Cell>
                        <LastSeen at={row.lastSeenAt} />
                      </Cell>
                      <Cell className="font-medium text-slate-900 tabular-nums">{format.number(row.actions)}</Cell>
                      <Cell className="tabular-nums">{format.number(row.actionsPerDay, { maximumFractionDigits: 1 })}</Cell>
                    </tr>
                  ))}
                </TableBody>
                <tfoot className="border-t border-slate-200 bg-slate-50">
                  <tr>
                    <th scope="row" colSpan={3} className="px-4 py-3 text-left text-sm font-medium text-slate-700">
                      {t("total")}
                    </th>
                    <Cell className="font-semibold text-slate-900 tabular-nums">{format.number(total)}</Cell>
                    <Cell />
                  </tr>
                </tfoot>
              </Table>
            </div>
          )}
        </QueryState>
      )}

      {problem ? null : statistics.enabled ? (
        <StaffStatisticsReport desk={desk} filter={{ from, to, departmentId: null }} />
      ) : (
        <StatisticsRequired desk={desk} canBuy={statistics.canBuy} />
      )}
    </div>
  );
}
