import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { priorities } from "../tickets/values";
import { escalationPriorities } from "./values";

/** Longest target: 365 days, in minutes. */
export const maxTargetMinutes = 365 * 24 * 60;

const minuteOfDay = (max: number) => z.number().int("sla.timeInvalid").min(0, "sla.timeInvalid").max(max, "sla.timeInvalid");

/**
 * One opening: weekday (0 = Sunday) and minutes from midnight. An end not after the start crosses
 * midnight (22:00–02:00; 00:00–00:00 is the whole day); 24:00 is stored as 00:00.
 */
export const weeklyInterval = z
  .strictObject({ day: z.number().int("sla.dayInvalid").min(0, "sla.dayInvalid").max(6, "sla.dayInvalid"), start: minuteOfDay(1439), end: minuteOfDay(1440) })
  .transform((i) => ({ ...i, end: i.end === 1440 ? 0 : i.end }));

const isoDay = textInput()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "sla.holidayInvalid")
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), "sla.holidayInvalid");

export const businessHoursInput = {
  week: z.array(weeklyInterval).min(1, "sla.weekEmpty").max(70, "sla.weekTooMany"),
  holidays: z.array(isoDay).max(366, "sla.holidaysTooMany"),
};

/** A target in minutes, or none. */
export const slaTarget = z.number("sla.targetInvalid").int("sla.targetInvalid").min(1, "sla.targetInvalid").max(maxTargetMinutes, "sla.targetTooLong").nullable();

/** A policy as the settings form sends it. */
export const policyFields = {
  departmentId: z.uuid("department.notFound").nullable(),
  priority: z.enum(priorities),
  firstResponseMinutes: slaTarget,
  nextResponseMinutes: slaTarget,
  resolutionMinutes: slaTarget,
  businessHours: z.boolean(),
  escalatePriority: z.enum(escalationPriorities).nullable(),
  escalateDepartmentId: z.uuid("department.notFound").nullable(),
};
export const policyInput = z.strictObject(policyFields);
export type PolicyInput = z.infer<typeof policyInput>;

export const policyId = z.uuid("sla.policyNotFound");
