/** The instant a calendar day ("2026-11-23") starts in a time zone, daylight saving included. */
export function zonedDayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  let guess = utcMidnight;
  // Two rounds settle the offset even when the day starts on a DST change.
  for (let i = 0; i < 2; i++) guess = utcMidnight - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** How far the zone's wall clock is ahead of UTC at an instant. */
export function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The calendar day after `day`. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The smallest (or largest) UUID v7 that can be made at an instant. UUID v7 ids start with their
 * millisecond timestamp, so a time range becomes an id range on the primary key.
 */
export function uuidV7Bound(at: Date, edge: "lower" | "upper"): string {
  const hex = Math.max(0, at.getTime()).toString(16).padStart(12, "0").slice(-12);
  const tail = edge === "lower" ? "7000-8000-000000000000" : "7fff-bfff-ffffffffffff";
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${tail}`;
}
