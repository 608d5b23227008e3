import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { stopKinds } from "./values";
// Pure zod: the forms import this file too.

/** One stop-list entry: an address, a domain, a word or an IP, refused or held. */
export const stopEntryFields = {
  kind: z.enum(stopKinds),
  value: textInput().trim().min(1, "stopList.valueRequired").max(200, "stopList.valueTooLong"),
};
export const stopEntryForm = z.object(stopEntryFields);
export const stopEntryId = z.uuid("stopList.notFound");
