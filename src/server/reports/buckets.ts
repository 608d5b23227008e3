// Buckets of the desk's calendar, filled with zeros where nothing happened, so charts and tables
// show every month, weekday, hour and day of the range.

/** Months ("2026-03") from the month of `fromDay` to the month of `toDay`. */
export function monthsBetween(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  let [y, m] = fromDay.split("-").map(Number) as [number, number];
  const last = toDay.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Calendar days ("2026-03-01") from `fromDay` to `toDay`, both included. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${fromDay}T00:00:00Z`), end = Date.parse(`${toDay}T00:00:00Z`); at <= end; at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/** ISO days of the week, Monday (1) first. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const hours = Array.from({ length: 24 }, (_, hour) => hour);

/** One value per key, zero where `counts` has none. */
export function fill<K extends string | number>(keys: readonly K[], counts: Map<K, number>): { key: K; count: number }[] {
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/**
 * Open tickets at the end of each day: the backlog when the range starts, plus each day's new
 * tickets, minus each day's solved ones.
 */
export function backlogByDay(days: string[], start: number, created: Map<string, number>, solved: Map<string, number>) {
  let open = start;
  return days.map((day) => {
    const opened = created.get(day) ?? 0;
    const closed = solved.get(day) ?? 0;
    open += opened - closed;
    return { day, created: opened, solved: closed, open };
  });
}
