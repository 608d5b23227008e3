import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { toCsv, type CsvCell } from "./csv";
import type { ReportFilter } from "./inputs";
import { backlogReport, channelsReport, deflectionsReport, rhythmsReport, satisfactionReport, staffReport, timesReport } from "./service";
import { buildTable, tableSources, type ColumnKind, type ReportData, type TableId, type TableLabels } from "./tables";

const reports: { [K in keyof ReportData]: (tx: TenantDb, actor: Actor, filter: ReportFilter) => Promise<ReportData[K]> } = {
  rhythms: rhythmsReport,
  backlog: backlogReport,
  channels: channelsReport,
  times: timesReport,
  satisfaction: satisfactionReport,
  deflections: deflectionsReport,
  staff: staffReport,
};

/** The words of a CSV: column headers, weekday and channel names, in the reader's language. */
export type CsvWords = TableLabels & { column: (key: string) => string; weekday: (day: number) => string; channel: (channel: string) => string };

/** A cell as a spreadsheet wants it: shares in percent, durations in hours, names spelled out. */
function csvCell(kind: ColumnKind, value: CsvCell, words: CsvWords): CsvCell {
  if (value === null) return null;
  switch (kind) {
    case "percent":
      return Math.round(Number(value) * 1000) / 10;
    case "duration":
      return Math.round((Number(value) / 3600) * 100) / 100;
    case "weekday":
      return words.weekday(Number(value));
    case "channel":
      return words.channel(String(value));
    default:
      return value;
  }
}

/**
 * One report table as CSV, under the same permissions and option as the page: the report's own
 * service decides (an agent's export holds only their figures, and no ratings: the CSAT tables are
 * refused to them).
 */
export async function exportTable(tx: TenantDb, actor: Actor, id: TableId, filter: ReportFilter, words: CsvWords): Promise<{ fileName: string; csv: string }> {
  const source = tableSources[id];
  const data = await reports[source](tx, actor, filter);
  if (source === "satisfaction" && data === null) throw new DeskError("FORBIDDEN", "permission.denied");
  const table = buildTable(id, data as never, words);
  const header = table.columns.map((c) => words.column(c.kind === "duration" ? `${c.key}Hours` : c.kind === "percent" ? `${c.key}Percent` : c.key));
  const rows = table.rows.map((row) => row.map((cell, i) => csvCell(table.columns[i]!.kind, cell, words)));
  return { fileName: `${id}-${filter.from}-${filter.to}.csv`, csv: toCsv(header, rows) };
}
