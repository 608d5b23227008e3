// Every report as plain tables: the numbers shown beside each chart and the CSV export are the
// same rows. Pure (types only from the services), so pages and the export route share it.
import type { CsvCell } from "./csv";
import type { backlogReport, channelsReport, deflectionsReport, rhythmsReport, satisfactionReport, staffReport, timesReport } from "./service";

export type ColumnKind = "text" | "count" | "percent" | "duration" | "weekday" | "hour" | "month" | "day" | "channel";
/** `key` is a message of the "reports.columns" namespace. */
export type ReportColumn = { key: string; kind: ColumnKind };
export type ReportTable = { columns: ReportColumn[]; rows: CsvCell[][] };

export type ReportData = {
  rhythms: Awaited<ReturnType<typeof rhythmsReport>>;
  backlog: Awaited<ReturnType<typeof backlogReport>>;
  channels: Awaited<ReturnType<typeof channelsReport>>;
  times: Awaited<ReturnType<typeof timesReport>>;
  satisfaction: Awaited<ReturnType<typeof satisfactionReport>>;
  deflections: Awaited<ReturnType<typeof deflectionsReport>>;
  staff: Awaited<ReturnType<typeof staffReport>>;
};

/** Which report each table comes from. */
export const tableSources = {
  byMonth: "rhythms",
  byWeekday: "rhythms",
  byHour: "rhythms",
  backlog: "backlog",
  channels: "channels",
  timesByDepartment: "times",
  timesByAgent: "times",
  csatByAgent: "satisfaction",
  csatByDepartment: "satisfaction",
  deflections: "deflections",
  staff: "staff",
} as const satisfies Record<string, keyof ReportData>;
export type TableId = keyof typeof tableSources;
export const tableIds = Object.keys(tableSources) as TableId[];

/** Words the tables need that are not data: the "all" row and a ticket without an agent. */
export type TableLabels = { all: string; unassigned: string; formerColleague: string };

const col = (key: string, kind: ColumnKind): ReportColumn => ({ key, kind });
const timeColumns = [
  col("tickets", "count"),
  col("firstResponseMedian", "duration"),
  col("firstResponseP90", "duration"),
  col("solved", "count"),
  col("resolutionMedian", "duration"),
  col("resolutionP90", "duration"),
  col("slaTickets", "count"),
  col("slaCompliance", "percent"),
];
type Times = ReportData["times"]["total"];
const timeCells = (t: Times): CsvCell[] => [t.tickets, t.firstResponseMedian, t.firstResponseP90, t.solved, t.resolutionMedian, t.resolutionP90, t.slaTickets, t.slaCompliance];
const csatColumns = [col("ratings", "count"), col("satisfied", "count"), col("csat", "percent")];
type Csat = NonNullable<ReportData["satisfaction"]>["total"];
const csatCells = (c: Csat): CsvCell[] => [c.ratings, c.satisfied, c.csat];
const rhythm = (kind: ColumnKind, rows: { key: string | number; created: number; solved: number }[]): ReportTable => ({
  columns: [col(kind, kind), col("created", "count"), col("solved", "count")],
  rows: rows.map((r) => [r.key, r.created, r.solved]),
});

export function buildTable<Id extends TableId>(id: Id, data: ReportData[(typeof tableSources)[Id]], labels: TableLabels): ReportTable {
  const agentName = (row: { agentId: string | null; name: string | null }) => row.name ?? (row.agentId ? labels.formerColleague : labels.unassigned);
  switch (id) {
    case "byMonth":
      return rhythm("month", (data as ReportData["rhythms"]).byMonth);
    case "byWeekday":
      return rhythm("weekday", (data as ReportData["rhythms"]).byWeekday);
    case "byHour":
      return rhythm("hour", (data as ReportData["rhythms"]).byHour);
    case "backlog":
      return {
        columns: [col("day", "day"), col("created", "count"), col("solved", "count"), col("open", "count")],
        rows: (data as ReportData["backlog"]).map((r) => [r.day, r.created, r.solved, r.open]),
      };
    case "channels":
      return {
        columns: [col("channel", "channel"), col("tickets", "count"), col("share", "percent")],
        rows: (data as ReportData["channels"]).map((r) => [r.channel, r.count, r.share]),
      };
    case "timesByDepartment": {
      const times = data as ReportData["times"];
      return { columns: [col("department", "text"), ...timeColumns], rows: [[labels.all, ...timeCells(times.total)], ...times.byDepartment.map((r) => [r.name, ...timeCells(r)])] };
    }
    case "timesByAgent": {
      const times = data as ReportData["times"];
      return { columns: [col("agent", "text"), ...timeColumns], rows: times.byAgent.map((r) => [agentName(r), ...timeCells(r)]) };
    }
    // Null for agents (ratings are management's): no rows; the export refuses these tables to them.
    case "csatByAgent": {
      const csat = data as ReportData["satisfaction"];
      return { columns: [col("agent", "text"), ...csatColumns], rows: csat ? csat.byAgent.map((r) => [agentName(r), ...csatCells(r)]) : [] };
    }
    case "csatByDepartment": {
      const csat = data as ReportData["satisfaction"];
      return {
        columns: [col("department", "text"), ...csatColumns],
        rows: csat ? [[labels.all, ...csatCells(csat.total)], ...csat.byDepartment.map((r) => [r.name, ...csatCells(r)])] : [],
      };
    }
    case "deflections": {
      const kb = data as ReportData["deflections"];
      return {
        columns: [col("article", "text"), col("views", "count"), col("widgetViews", "count"), col("deflections", "count")],
        rows: kb ? [[labels.all, kb.total.views, kb.total.widgetViews, kb.total.deflections], ...kb.articles.map((a) => [a.title, a.views, a.widgetViews, a.deflections])] : [],
      };
    }
    case "staff": {
      const staff = data as ReportData["staff"];
      // An agent's own row comes without ratings (null): the Ratings and CSAT columns are left out.
      if (staff.some((r) => r.ratings === null)) {
        return {
          columns: [col("agent", "text"), col("ticketsHandled", "count"), col("replies", "count"), col("firstResponseMedian", "duration"), col("timeActive", "duration")],
          rows: staff.map((r) => [r.name, r.ticketsHandled, r.replies, r.firstResponseMedian, r.activeSeconds]),
        };
      }
      return {
        columns: [col("agent", "text"), col("ticketsHandled", "count"), col("replies", "count"), col("firstResponseMedian", "duration"), col("ratings", "count"), col("csat", "percent"), col("timeActive", "duration")],
        rows: staff.map((r) => [r.name, r.ticketsHandled, r.replies, r.firstResponseMedian, r.ratings, r.csat, r.activeSeconds]),
      };
    }
  }
  throw new Error(`unknown report table ${String(id)}`);
}
