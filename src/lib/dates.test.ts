import { v7 as uuidv7 } from "uuid";
import { describe, expect, it } from "vitest";
import { daysInRange, nextDay, uuidV7Bound, zonedDayStart } from "./dates";

describe("zonedDayStart", () => {
  it.each([
    ["2026-11-23", "UTC", "2026-11-23T00:00:00.000Z"],
    ["2026-11-23", "Europe/Moscow", "2026-11-22T21:00:00.000Z"],
    ["2026-07-01", "America/New_York", "2026-07-01T04:00:00.000Z"],
    ["2026-01-15", "America/New_York", "2026-01-15T05:00:00.000Z"],
    ["2026-03-29", "Europe/Kyiv", "2026-03-28T22:00:00.000Z"],
    ["2026-03-30", "Europe/Kyiv", "2026-03-29T21:00:00.000Z"],
  ])("%s starts in %s at %s", (day, zone, expected) => {
    expect(zonedDayStart(day, zone).toISOString()).toBe(expected);
  });
});

describe("day arithmetic", () => {
  it("counts days and steps over month ends", () => {
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(daysInRange("2026-11-01", "2026-11-30")).toBe(30);
    expect(daysInRange("2026-11-23", "2026-11-23")).toBe(1);
  });
});

describe("uuidV7Bound", () => {
  it("brackets every UUID v7 made within the range", () => {
    const before = new Date();
    const id = uuidv7();
    const after = new Date();
    expect(uuidV7Bound(before, "lower") <= id).toBe(true);
    expect(id <= uuidV7Bound(after, "upper")).toBe(true);
    expect(uuidV7Bound(new Date(after.getTime() + 1), "lower") > id).toBe(true);
  });
});
