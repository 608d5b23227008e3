import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { status, tagList } from "../tickets/inputs";
// Pure zod: the forms import this file too.

export const cannedFields = {
  title: textInput().trim().min(1, "canned.titleRequired").max(120, "canned.titleTooLong"),
  folder: textInput().trim().max(60, "canned.folderTooLong").default(""),
  body: textInput().trim().min(1, "ticket.bodyRequired").max(20_000, "ticket.bodyTooLong"),
  shared: z.boolean().default(false),
  setStatus: status.nullable().default(null),
  addTags: tagList.default([]),
};
export const cannedForm = z.object(cannedFields);
export const cannedId = z.uuid("canned.notFound");
