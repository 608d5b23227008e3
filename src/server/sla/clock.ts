/**
 * The business-hours clock: pure arithmetic over a desk's weekly schedule and holidays in its
 * time zone. Everything is computed on instants (milliseconds), so daylight-saving changes are
 * simply days that are an hour shorter or longer.
 */

/** One opening of the week: `day` 0 = Sunday … 6 = Saturday; minutes from local midnight. */
export type WeeklyInterval = { day: number; start: number; end: number };

/**
 * When the desk works. An interval whose `end` is not after its `start` crosses midnight
 * (Fri 22:00–02:00 ends on Saturday). A holiday cancels the intervals that start on that day.
 */
export type BusinessHours = { timeZone: string; week: WeeklyInterval[]; holidays: string[] };

/** `null` means calendar hours: the clock runs around the clock. */
export type ClockHours = BusinessHours | null;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead (in days) to look for business time before giving up on a schedule. */
const HORIZON_DAYS = 800;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at an instant, as if it were UTC (ms). */
function wallClock(at: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

const offsetAt = (at: number, timeZone: string) => wallClock(at, timeZone) - Math.floor(at / 1000) * 1000;

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a spring-forward change
 * lands just as late after it (02:30 that does not exist is 03:30); a repeated one takes its
 * second occurrence.
 */
function instantOf(wall: number, timeZone: string): number {
  return wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone);
}

/** The local calendar day of an instant, as the UTC midnight of that day (ms). */
function localDay(at: number, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  return wall - (((wall % DAY) + DAY) % DAY);
}

const isoDay = (dayMs: number) => new Date(dayMs).toISOString().slice(0, 10);

/** The business time of one local day, as instant ranges sorted by start. */
function rangesOfDay(dayMs: number, hours: BusinessHours, holidays: Set<string>): [number, number][] {
  if (holidays.has(isoDay(dayMs))) return [];
  const weekday = new Date(dayMs).getUTCDay();
  return hours.week
    .filter((w) => w.day === weekday)
    .map((w): [number, number] => {
      const start = instantOf(dayMs + w.start * MINUTE, hours.timeZone);
      const endWall = w.end > w.start ? dayMs + w.end * MINUTE : dayMs + DAY + w.end * MINUTE;
      return [start, instantOf(endWall, hours.timeZone)];
    })
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Business time from `from` onwards as disjoint instant ranges in order. Starts never go back
 * (each day's intervals start on that day), so an interval that overlaps one already given
 * (yesterday's night shift running into today's morning) is given only from where that one ended.
 */
function* openRanges(from: number, hours: BusinessHours): Generator<[number, number]> {
  const holidays = new Set(hours.holidays);
  // Start a day early: yesterday's interval may cross midnight into today.
  let day = localDay(from, hours.timeZone) - DAY;
  let cursor = from;
  for (let idle = 0; idle < HORIZON_DAYS; day += DAY) {
    idle += 1;
    for (const [s, e] of rangesOfDay(day, hours, holidays)) {
      const start = Math.max(s, cursor);
      if (e <= start) continue;
      idle = 0;
      cursor = e;
      yield [start, e];
    }
  }
}

/**
 * The instant `minutes` of clock time after `start`. With business hours, time outside them does
 * not count, and a clock started after hours begins at the next opening. Returns null when the
 * schedule has no business time at all.
 */
export function addBusinessTime(start: Date, minutes: number, hours: ClockHours): Date | null {
  if (!hours) return new Date(start.getTime() + minutes * MINUTE);
  let remaining = minutes * MINUTE;
  for (const [s, e] of openRanges(start.getTime(), hours)) {
    if (remaining <= e - s) return new Date(s + remaining);
    remaining -= e - s;
  }
  return null;
}

/** Minutes of clock time between two instants (0 when `b` is not after `a`). */
export function businessMinutesBetween(a: Date, b: Date, hours: ClockHours): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return 0;
  if (!hours) return (to - from) / MINUTE;
  let total = 0;
  for (const [s, e] of openRanges(from, hours)) {
    if (s >= to) break;
    total += Math.min(e, to) - s;
  }
  return total / MINUTE;
}

/**
 * Where a deadline moves when a paused clock resumes: by the clock time that passed while
 * paused. A deadline that had already passed when the clock paused stays where it was.
 */
export function resumedDue(due: Date, pausedAt: Date, resumedAt: Date, hours: ClockHours): Date {
  if (due.getTime() <= pausedAt.getTime()) return due;
  const paused = businessMinutesBetween(pausedAt, resumedAt, hours);
  // Nothing to add: adding zero to a deadline at closing time would move it to the next opening.
  if (paused === 0) return due;
  return addBusinessTime(due, paused, hours) ?? due;
}
