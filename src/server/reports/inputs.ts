import { z } from "zod";
import { textInput } from "@/lib/text-input";

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day = textInput().regex(isoDay, "date.invalid").refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "date.invalid");

/** Longest range a report covers, in desk days (a year, leap day included). */
export const MAX_REPORT_DAYS = 366;

/** What every report is asked for: calendar days of the desk (both ends included) and an optional department with its sub-departments. */
export const reportFilter = z
  .strictObject({
    from: day,
    to: day,
    departmentId: z.uuid("department.notFound").nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "date.order" });
    else if (Date.parse(value.to) - Date.parse(value.from) >= MAX_REPORT_DAYS * 86_400_000) ctx.addIssue({ code: "custom", path: ["to"], message: "date.tooLong" });
  });
export type ReportFilter = z.infer<typeof reportFilter>;

/** The desk's satisfaction target, in percent of ratings of 4–5. */
export const csatTarget = z.number("reports.targetInvalid").min(0, "reports.targetInvalid").max(100, "reports.targetInvalid");
