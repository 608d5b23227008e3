import { textInput } from "@/lib/text-input";
// Pure zod: the forms import this file too.

const day = textInput().regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid");

/** The days a ratings summary covers, in the desk's time zone; open at either end. */
export const ratingsPeriod = { from: day.nullish(), to: day.nullish() };
