import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { departmentName } from "../departments/inputs";
import { deskSlug, email, password, personName } from "../kernel/inputs";
import { widgetFieldsInput } from "../widget/inputs";
import { deskLocales } from "../kernel/values";

// Shared by the forms and the routers: the server validates with the very schema the form shows.
// Messages are keys of the "errors" namespace.

export const businessName = textInput().trim().min(1, "businessName.required").max(120, "businessName.tooLong");

export const signUpInput = z.strictObject({
  businessName,
  slug: deskSlug,
  ownerName: personName,
  email,
  password,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const createAnotherDeskInput = z.strictObject({ businessName, slug: deskSlug });

export const timeZone = textInput()
  .min(1, "timeZone.invalid")
  .max(64, "timeZone.invalid")
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "timeZone.invalid");

export const deskProfileInput = z.strictObject({
  displayName: textInput().trim().min(1, "displayName.required").max(120, "displayName.tooLong"),
  locale: z.enum(deskLocales, { error: "locale.invalid" }),
  timeZone,
});

export const departmentNames = z
  .array(departmentName)
  .min(1, "departments.atLeastOne")
  .max(20, "departments.tooMany")
  .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, "departments.duplicate");

const planChoice = textInput().min(1).max(40).default("standard");
export const setupInput = deskProfileInput.extend({ departments: departmentNames, widgetFields: widgetFieldsInput, planId: planChoice });

/** The wizard's form: departments are rows of a list there, the same rules apply. */
export const setupForm = deskProfileInput.extend({
  departments: z
    .array(z.object({ name: textInput() }))
    .transform((rows) => rows.map((row) => row.name))
    .pipe(departmentNames),
  widgetFields: widgetFieldsInput,
  planId: planChoice,
});
export type SetupInput = z.infer<typeof setupInput>;

