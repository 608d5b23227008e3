import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { departmentName } from "../departments/inputs";
import { deskSlug, email, password, personName } from "../kernel/inputs";
import { widgetFieldsInput } from "../widget/inputs";
import { deskLocales } from "../kernel/values";

// Shared by the forms and the routers: the server validates with the very schema the form shows.
// Messages are keys of the "errors" namespace.

export const businessName = textInput().trim().min(1, "businessName.required").max(120, "businessName.tooLong");

/** The solved sign-up challenge (ALTCHA's payload), bounded in size like every input. */
export const signUpProof = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: textInput().max(40),
      nonce: textInput().max(200),
      salt: textInput().max(200),
      cost: z.number().int().min(1).max(10_000_000),
      keyLength: z.number().int().min(1).max(256),
      keyPrefix: textInput().max(512),
      keySignature: textInput().max(512).optional(),
      expiresAt: z.number().int().optional(),
      data: z.record(textInput().max(40), z.union([textInput().max(200), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: textInput().max(512).optional(),
  }),
  solution: z.object({ counter: z.number().int().min(0).max(100_000_000), derivedKey: textInput().max(512), time: z.number().optional() }),
});

export const signUpInput = z.strictObject({
  businessName,
  slug: deskSlug,
  ownerName: personName,
  email,
  password,
  /** Without it the sign-up is refused: a script must do the same work a browser does. */
  proof: signUpProof.optional(),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const requireTwoFactorInput = { required: z.boolean() };

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

