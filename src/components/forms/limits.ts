import { z } from "zod";

/**
 * The longest text a schema accepts (its `.max`), read through optional, nullable, default and
 * pipe wrappers: a form's `maxLength` and counters come from the server's own schema.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 8; depth++) {
    if (current instanceof z.ZodString) return current.maxLength ?? undefined;
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return undefined;
  }
  return undefined;
}

/** A number field's text as a whole number for its schema: digits only, NaN (the schema's own error) when empty. */
export function wholeNumber(text: string | number): number {
  const digits = String(text).replace(/\D/g, "");
  return digits === "" ? Number.NaN : Number(digits);
}
