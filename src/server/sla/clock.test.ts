import { describe, expect, it } from "vitest";
import { addBusinessTime, businessMinutesBetween, resumedDue, type BusinessHours, type WeeklyInterval } from "./clock";

const h = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const days = (list: number[], from: string, to: string): WeeklyInterval[] => list.map((day) => ({ day, start: h(from), end: h(to) }));
const weekdays = days([1, 2, 3, 4, 5], "09:00", "17:00");
const everyDay = days([0, 1, 2, 3, 4, 5, 6], "09:00", "17:00");
const aroundTheClock = days([0, 1, 2, 3, 4, 5, 6], "00:00", "00:00");
const hoursIn = (timeZone: string, week: WeeklyInterval[], holidays: string[] = []): BusinessHours => ({ timeZone, week, holidays });

const moscow = hoursIn("Europe/Moscow", weekdays);
const kyiv = hoursIn("Europe/Kyiv", weekdays);
const newYork = hoursIn("America/New_York", weekdays);

describe("addBusinessTime", () => {
  it.each([
    // [what, hours, start (UTC), minutes, due (UTC)]
    ["within a working day (Moscow, no DST)", moscow, "2026-11-23T07:00:00Z", 60, "2026-11-23T08:00:00Z"],
    ["to the very end of the day, not the next morning", moscow, "2026-11-23T13:00:00Z", 60, "2026-11-23T14:00:00Z"],
    ["over the weekend: Fri 16:00 + 2 h = Mon 10:00", moscow, "2026-11-27T13:00:00Z", 120, "2026-11-30T07:00:00Z"],
    ["started on Saturday: from Monday's opening", moscow, "2026-11-28T09:00:00Z", 30, "2026-11-30T06:30:00Z"],
    ["started before opening", moscow, "2026-11-24T03:00:00Z", 90, "2026-11-24T07:30:00Z"],
    ["over a holiday: Mon 16:00 + 2 h, Tuesday off = Wed 10:00", hoursIn("Europe/Moscow", weekdays, ["2026-11-24"]), "2026-11-23T13:00:00Z", 120, "2026-11-25T07:00:00Z"],
    ["several days: 3 working days of 8 h", moscow, "2026-11-23T06:00:00Z", 24 * 60, "2026-11-25T14:00:00Z"],
    ["midnight-crossing shift Fri 22:00–02:00, started in it", hoursIn("Europe/Moscow", days([5], "22:00", "02:00")), "2026-11-27T20:00:00Z", 120, "2026-11-27T22:00:00Z"],
    ["midnight-crossing shift, started on its Saturday tail", hoursIn("Europe/Moscow", days([5], "22:00", "02:00")), "2026-11-27T22:00:00Z", 120, "2026-12-04T20:00:00Z"],
    ["Kyiv spring forward: Fri 16:00 EET + 2 h = Mon 10:00 EEST", kyiv, "2026-03-27T14:00:00Z", 120, "2026-03-30T07:00:00Z"],
    ["Kyiv spring forward, open every day: Sat 16:00 + 2 h = Sun 10:00 EEST", hoursIn("Europe/Kyiv", everyDay), "2026-03-28T14:00:00Z", 120, "2026-03-29T07:00:00Z"],
    ["Kyiv spring forward, around the clock: 24 h are 24 real hours", hoursIn("Europe/Kyiv", aroundTheClock), "2026-03-28T10:00:00Z", 24 * 60, "2026-03-29T10:00:00Z"],
    ["Kyiv fall back: Fri 16:00 EEST + 2 h = Mon 10:00 EET", kyiv, "2026-10-23T13:00:00Z", 120, "2026-10-26T08:00:00Z"],
    ["New York spring forward: Fri 16:00 EST + 2 h = Mon 10:00 EDT", newYork, "2026-03-06T21:00:00Z", 120, "2026-03-09T14:00:00Z"],
    ["New York fall back: Fri 16:00 EDT + 2 h = Mon 10:00 EST", newYork, "2026-10-30T20:00:00Z", 120, "2026-11-02T15:00:00Z"],
    ["New York spring forward, around the clock", hoursIn("America/New_York", aroundTheClock), "2026-03-07T17:00:00Z", 24 * 60, "2026-03-08T17:00:00Z"],
    ["calendar hours ignore the schedule", null, "2026-11-28T09:00:00Z", 90, "2026-11-28T10:30:00Z"],
  ] as const)("%s", (_what, hours, start, minutes, due) => {
    expect(addBusinessTime(new Date(start), minutes, hours)?.toISOString()).toBe(new Date(due).toISOString());
  });

  it("gives no deadline when the schedule has no business time", () => {
    expect(addBusinessTime(new Date("2026-11-23T07:00:00Z"), 60, hoursIn("UTC", []))).toBeNull();
  });
});

describe("businessMinutesBetween", () => {
  it.each([
    ["Fri 16:00 → Mon 10:00 (Moscow)", moscow, "2026-11-27T13:00:00Z", "2026-11-30T07:00:00Z", 120],
    ["the whole weekend counts nothing", moscow, "2026-11-27T15:00:00Z", "2026-11-30T05:00:00Z", 0],
    ["a holiday counts nothing", hoursIn("Europe/Moscow", weekdays, ["2026-11-24"]), "2026-11-23T21:00:00Z", "2026-11-24T21:00:00Z", 0],
    ["night shift Sat 22:00–06:00 across Kyiv's spring forward is 7 h", hoursIn("Europe/Kyiv", days([6], "22:00", "06:00")), "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z", 7 * 60],
    ["night shift Sat 22:00–06:00 across Kyiv's fall back is 9 h", hoursIn("Europe/Kyiv", days([6], "22:00", "06:00")), "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z", 9 * 60],
    ["night shift Sat 22:00–06:00 across New York's spring forward is 7 h", hoursIn("America/New_York", days([6], "22:00", "06:00")), "2026-03-07T12:00:00Z", "2026-03-09T12:00:00Z", 7 * 60],
    ["night shift Sat 22:00–06:00 across New York's fall back is 9 h", hoursIn("America/New_York", days([6], "22:00", "06:00")), "2026-10-31T12:00:00Z", "2026-11-02T12:00:00Z", 9 * 60],
    ["the same night shift in Moscow is always 8 h", hoursIn("Europe/Moscow", days([6], "22:00", "06:00")), "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z", 8 * 60],
    ["overlapping intervals count once", hoursIn("UTC", [...days([1], "09:00", "13:00"), ...days([1], "12:00", "14:00"), ...days([0], "20:00", "10:00")]), "2026-11-22T00:00:00Z", "2026-11-24T00:00:00Z", 18 * 60],
    ["backwards is zero", moscow, "2026-11-24T10:00:00Z", "2026-11-24T08:00:00Z", 0],
    ["calendar hours", null, "2026-11-27T13:00:00Z", "2026-11-30T07:00:00Z", 66 * 60],
  ] as const)("%s", (_what, hours, a, b, minutes) => {
    expect(businessMinutesBetween(new Date(a), new Date(b), hours)).toBe(minutes);
  });
});

describe("resumedDue (pause and resume)", () => {
  it.each([
    ["paused Fri 15:00, resumed Mon 10:00: pushed by 3 business hours", moscow, "2026-11-30T09:00:00Z", "2026-11-27T12:00:00Z", "2026-11-30T07:00:00Z", "2026-11-30T12:00:00Z"],
    ["paused over the weekend only: unchanged", moscow, "2026-11-30T09:00:00Z", "2026-11-27T14:30:00Z", "2026-11-30T05:00:00Z", "2026-11-30T09:00:00Z"],
    ["a deadline at Friday's close stays there after a pause before opening", moscow, "2026-11-27T14:00:00Z", "2026-11-27T04:00:00Z", "2026-11-27T05:30:00Z", "2026-11-27T14:00:00Z"],
    ["a deadline already passed when paused stays passed", moscow, "2026-11-24T08:00:00Z", "2026-11-24T09:00:00Z", "2026-11-25T09:00:00Z", "2026-11-24T08:00:00Z"],
    ["paused across Kyiv's spring forward, around the clock: pushed by 23 real hours", hoursIn("Europe/Kyiv", aroundTheClock), "2026-04-01T00:00:00Z", "2026-03-28T22:00:00Z", "2026-03-29T21:00:00Z", "2026-04-01T23:00:00Z"],
    ["calendar hours: pushed by the real time paused", null, "2026-11-30T09:00:00Z", "2026-11-27T12:00:00Z", "2026-11-30T07:00:00Z", "2026-12-03T04:00:00Z"],
  ] as const)("%s", (_what, hours, due, pausedAt, resumedAt, expected) => {
    expect(resumedDue(new Date(due), new Date(pausedAt), new Date(resumedAt), hours).toISOString()).toBe(new Date(expected).toISOString());
  });
});
