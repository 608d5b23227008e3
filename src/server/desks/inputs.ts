import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { deskLocales, widgetFieldNames } from "./schema";

// Shared by the forms and the routers: the server validates with the very schema the form shows.
// Messages are keys of the "errors" namespace.

export const reservedSlugs = new Set([
  "admin", "administrator", "api", "app", "assets", "auth", "billing", "blog", "d", "dashboard", "deskhand",
  "docs", "help", "login", "logout", "mail", "new", "platform", "pricing", "privacy", "public", "root",
  "settings", "signin", "signout", "signup", "static", "status", "support", "system", "t", "terms", "widget", "www",
]);

export const deskSlug = textInput({ error: "slug.required" })
  .trim()
  .toLowerCase()
  .min(3, "slug.tooShort")
  .max(40, "slug.tooLong")
  .regex(/^[a-z0-9-]+$/, "slug.characters")
  .regex(/^[a-z0-9].*[a-z0-9]$/, "slug.edges")
  .refine((s) => !s.includes("--"), "slug.doubleHyphen")
  .refine((s) => !reservedSlugs.has(s), "slug.reserved");

export const personName = textInput().trim().min(1, "name.required").max(120, "name.tooLong");
export const businessName = textInput().trim().min(1, "businessName.required").max(120, "businessName.tooLong");
export const email = textInput().trim().toLowerCase().max(254, "email.tooLong").pipe(z.email("email.invalid"));
export const password = textInput().min(10, "password.tooShort").max(200, "password.tooLong");

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

export const widgetFieldsInput = z
  .array(z.strictObject({ name: z.enum(widgetFieldNames), enabled: z.boolean(), required: z.boolean() }))
  .length(widgetFieldNames.length, "widgetFields.invalid")
  .refine((fields) => new Set(fields.map((f) => f.name)).size === fields.length, "widgetFields.invalid")
  .refine(
    (fields) => fields.every((f) => !["email", "message"].includes(f.name) || (f.enabled && f.required)),
    "widgetFields.emailAndMessage",
  )
  .transform((fields) => fields.map((f) => ({ ...f, required: f.enabled && f.required })));

export const departmentName = textInput().trim().min(1, "department.nameRequired").max(80, "department.nameTooLong");

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

export const defaultWidgetFields = widgetFieldNames.map((name) => ({
  name,
  enabled: name !== "phone",
  required: name === "email" || name === "message",
}));
