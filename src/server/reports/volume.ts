import { sql } from "drizzle-orm";
import type { TenantDb } from "../db/types";
import { rowsOf } from "../db/rows";
import { backlogByDay, daysBetween, fill, hours, monthsBetween, weekdays } from "./buckets";
import { countedTickets, local, within, type ReportScope } from "./scope";

type Bucketed = { kind: "month" | "weekday" | "hour"; bucket: string; count: number };

/** Tickets by the desk's month, ISO weekday and hour of `column` (created_at or solved_at), in one pass. */
async function rhythmOf(tx: TenantDb, scope: ReportScope, column: "created_at" | "solved_at") {
  const at = sql.raw(`t.${column}`);
  const rows = rowsOf<Bucketed>(
    await tx.execute(sql`
      with picked as materialized (
        select ${local(at, scope)} as at from "tickets" t where ${within(at, scope)} and ${countedTickets(scope)}
      )
      select 'month' as kind, to_char(at, 'YYYY-MM') as bucket, count(*)::int as count from picked group by 2
      union all
      select 'weekday', extract(isodow from at)::int::text, count(*)::int from picked group by 2
      union all
      select 'hour', extract(hour from at)::int::text, count(*)::int from picked group by 2`),
  );
  const of = (kind: Bucketed["kind"]) => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.bucket, r.count]));
  return {
    byMonth: fill(monthsBetween(scope.fromDay, scope.toDay), of("month")),
    byWeekday: fill(weekdays.map(String), of("weekday")).map(({ key, count }) => ({ key: Number(key), count })),
    byHour: fill(hours.map(String), of("hour")).map(({ key, count }) => ({ key: Number(key), count })),
  };
}

/** The "rhythms": tickets created and solved by month, by day of the week and by hour, in the desk's time zone. */
export async function ticketRhythms(tx: TenantDb, scope: ReportScope) {
  const created = await rhythmOf(tx, scope, "created_at");
  const solved = await rhythmOf(tx, scope, "solved_at");
  const join = <K>(a: { key: K; count: number }[], b: { key: K; count: number }[]) => a.map((row, i) => ({ key: row.key, created: row.count, solved: b[i]!.count }));
  return {
    byMonth: join(created.byMonth, solved.byMonth),
    byWeekday: join(created.byWeekday, solved.byWeekday),
    byHour: join(created.byHour, solved.byHour),
  };
}

/** Open tickets at the end of each day of the range (a ticket is open from its creation until it is solved or closed). */
export async function backlog(tx: TenantDb, scope: ReportScope) {
  const from = sql`${scope.from.toISOString()}::timestamptz`;
  // Open when the range starts: created before it and solved after its start, or not solved at
  // all — two index-only ranges of tickets_report_solved_idx (an OR would scan the desk).
  const [start] = rowsOf<{ open: number }>(
    await tx.execute(sql`
      select (select count(*) from "tickets" t where t.solved_at >= ${from} and t.created_at < ${from} and ${countedTickets(scope)})::int
        + (select count(*) from "tickets" t where t.solved_at is null and t.created_at < ${from} and ${countedTickets(scope)})::int as open`),
  );
  const perDay = (column: string) =>
    tx
      .execute(sql`
        select to_char(${local(sql.raw(`t.${column}`), scope)}, 'YYYY-MM-DD') as day, count(*)::int as count
        from "tickets" t where ${within(sql.raw(`t.${column}`), scope)} and ${countedTickets(scope)} group by 1`)
      .then((result) => new Map(rowsOf<{ day: string; count: number }>(result).map((r) => [r.day, r.count])));
  const created = await perDay("created_at");
  const solved = await perDay("solved_at");
  return backlogByDay(daysBetween(scope.fromDay, scope.toDay), start?.open ?? 0, created, solved);
}

/** New tickets by the channel they came through. */
export async function channelMix(tx: TenantDb, scope: ReportScope) {
  const rows = rowsOf<{ channel: string; count: number }>(
    await tx.execute(sql`
      select t.channel, count(*)::int as count from "tickets" t
      where ${within(sql`t.created_at`, scope)} and ${countedTickets(scope)}
      group by 1 order by 2 desc, 1`),
  );
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return rows.map((row) => ({ channel: row.channel, count: row.count, share: total ? row.count / total : 0 }));
}
