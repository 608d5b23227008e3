"use client";

import { useTranslations } from "next-intl";
import { buttonClassName } from "@/components/ui/button";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { ReportFilter } from "@/server/reports/inputs";
import { buildTable, type ReportData, type TableId, type tableSources } from "@/server/reports/tables";
import { useTableLabels } from "./report-section";
import { useReportFormat } from "./use-report-format";

/** The address of one table's CSV download, with the page's filters. */
export function exportHref(desk: string, table: TableId, filter: ReportFilter): string {
  const params = new URLSearchParams({ table, from: filter.from, to: filter.to });
  if (filter.departmentId) params.set("department", filter.departmentId);
  return `/d/${desk}/reports/export?${params.toString()}`;
}

type TableProps<Id extends TableId> = { id: Id; data: ReportData[(typeof tableSources)[Id]]; desk: string; filter: ReportFilter; caption: string };

/** A report's figures as the table `id` (the text alternative of its chart), with its CSV download. */
export function ReportTableView<Id extends TableId>({ id, data, desk, filter, caption }: TableProps<Id>) {
  const t = useTranslations("reports");
  const format = useReportFormat();
  const table = buildTable(id, data, useTableLabels());
  const numeric = (i: number) => !["text", "month", "weekday", "hour", "day", "channel"].includes(table.columns[i]!.kind);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-3">
        <h4 className="text-sm font-semibold text-slate-700">{caption}</h4>
        <a
          href={exportHref(desk, id, filter)}
          download
          className={buttonClassName({ variant: "secondary", size: "sm" })}
          aria-label={t("section.downloadTable", { table: caption })}
          data-testid={`export-${id}`}
        >
          {t("section.download")}
        </a>
      </div>
      <Table aria-label={caption}>
        <TableHeader columns={table.columns.map((c, i) => <span key={c.key} className={cn("block", numeric(i) && "text-right")}>{t(`columns.${c.key}` as "columns.month")}</span>)} />
        <TableBody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((value, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                    {format.cell(table.columns[i]!.kind, value)}
                  </th>
                ) : (
                  <Cell key={i} className={cn("py-2 whitespace-nowrap tabular-nums", numeric(i) && "text-right")}>
                    {format.cell(table.columns[i]!.kind, value)}
                  </Cell>
                ),
              )}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** A table the chart above already shows, folded away behind "Show table · caption". */
export function FoldedReportTable<Id extends TableId>({ scroll = false, ...table }: TableProps<Id> & { /** Long tables scroll within a fixed height. */ scroll?: boolean }) {
  const t = useTranslations("reports");
  return (
    <details>
      <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500">
        {t("section.showTable")} · {table.caption}
      </summary>
      <div className={cn("mt-2", scroll && "max-h-96 overflow-y-auto")}>
        <ReportTableView {...table} />
      </div>
    </details>
  );
}
