import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { email } from "../kernel/inputs";
import { messageBody } from "../tickets/inputs";
import { widgetFieldNames } from "../kernel/values";
import { widgetPositions } from "./values";

/** "https://shop.example.com/any/path" → "https://shop.example.com"; only http(s) origins. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

const origin = textInput()
  .trim()
  .max(200, "widget.originInvalid")
  .transform((value, ctx) => {
    const normal = normaliseOrigin(value);
    if (!normal) {
      ctx.addIssue({ code: "custom", message: "widget.originInvalid" });
      return z.NEVER;
    }
    return normal;
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

export const widgetSettingsInput = {
  color: textInput().regex(/^#[0-9a-fA-F]{6}$/, "widget.colorInvalid").transform((c) => c.toLowerCase()),
  position: z.enum(widgetPositions),
  greeting: textInput().trim().max(280, "widget.greetingTooLong"),
  departmentIds: z.array(z.uuid("department.notFound")).max(50, "departments.tooMany"),
  allowedOrigins: z.array(origin).max(20, "widget.tooManyOrigins"),
  widgetFields: widgetFieldsInput,
};

type WidgetLook = { color: string; position: (typeof widgetPositions)[number]; greeting: string };

/**
 * The look a preview shows: each unsaved value as a save would store it, or the saved one where a
 * save would refuse it. The Settings preview and the widget page both go through this.
 */
export function previewLook(unsaved: { color?: unknown; position?: unknown; greeting?: unknown }, saved: WidgetLook): WidgetLook {
  const color = widgetSettingsInput.color.safeParse(unsaved.color);
  const position = widgetSettingsInput.position.safeParse(unsaved.position);
  const greeting = widgetSettingsInput.greeting.safeParse(unsaved.greeting);
  return {
    color: color.success ? color.data : saved.color,
    position: position.success ? position.data : saved.position,
    greeting: greeting.success ? greeting.data : saved.greeting,
  };
}

const optionalText = (max: number, key: string) => textInput().trim().max(max, key).optional().default("");

/** A visitor's ticket from the widget. Which fields are required is the desk's choice, checked after. */
export const widgetSubmission = z.strictObject({
  name: optionalText(120, "name.tooLong"),
  email: z.union([z.literal(""), email]).optional().default(""),
  subject: optionalText(200, "ticket.subjectTooLong"),
  message: z.union([z.literal(""), messageBody]).optional().default(""),
  phone: optionalText(40, "widget.phoneTooLong"),
  departmentId: z.union([z.literal(""), z.uuid("department.notFound")]).optional().default(""),
  /** The honeypot: a field people never see. Filled in, the ticket is held as spam. */
  website: textInput().max(500).optional().default(""),
  identity: z
    .strictObject({ email, name: textInput().trim().max(120).optional().default(""), hash: textInput().trim().max(128) })
    .optional(),
});
export type WidgetSubmission = z.infer<typeof widgetSubmission>;

export const defaultWidgetFields = widgetFieldNames.map((name) => ({
  name,
  enabled: name !== "phone",
  required: name === "email" || name === "message",
}));
