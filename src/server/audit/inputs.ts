import { z } from "zod";
import { textInput } from "@/lib/text-input";
// Pure zod: the forms import this file too.

export const isoDay = textInput().regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid");

/** The event log's filters: who, which action, which days. */
export const eventLogFilters = {
  actorUserId: z.uuid().nullish(),
  action: textInput().max(64).nullish(),
  from: isoDay.nullish(),
  to: isoDay.nullish(),
};
