import { describe, expect, it } from "vitest";
import { backlogByDay, daysBetween, fill, monthsBetween } from "./buckets";
import { subtree } from "./scope";

describe("report buckets", () => {
  it("list every month of a range, across the turn of the year", () => {
    expect(monthsBetween("2025-11-15", "2026-02-03")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03-01", "2026-03-31")).toEqual(["2026-03"]);
  });

  it("list every day of a range, both ends included, across a leap day", () => {
    expect(daysBetween("2028-02-27", "2028-03-01")).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(daysBetween("2026-03-29", "2026-03-29")).toEqual(["2026-03-29"]);
  });

  it("fill the weekdays and hours nothing happened in with zeros, in calendar order", () => {
    expect(fill(["1", "2", "3"], new Map([["3", 4], ["1", 2]]))).toEqual([
      { key: "1", count: 2 },
      { key: "2", count: 0 },
      { key: "3", count: 4 },
    ]);
  });

  it("carry the backlog from the start of the range through each day's new and solved tickets", () => {
    const days = ["2026-03-01", "2026-03-02", "2026-03-03"];
    expect(backlogByDay(days, 5, new Map([["2026-03-01", 3], ["2026-03-03", 1]]), new Map([["2026-03-02", 6]]))).toEqual([
      { day: "2026-03-01", created: 3, solved: 0, open: 8 },
      { day: "2026-03-02", created: 0, solved: 6, open: 2 },
      { day: "2026-03-03", created: 1, solved: 0, open: 3 },
    ]);
  });

  it("take a department with all its sub-departments", () => {
    const tree = [
      { id: "support", parentId: null },
      { id: "refunds", parentId: "support" },
      { id: "chargebacks", parentId: "refunds" },
      { id: "sales", parentId: null },
    ];
    expect(subtree(tree, "support").sort()).toEqual(["chargebacks", "refunds", "support"]);
    expect(subtree(tree, "sales")).toEqual(["sales"]);
  });
});
