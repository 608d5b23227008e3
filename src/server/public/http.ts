import "server-only";
import { createTranslator } from "next-intl";
import { ZodError, z } from "zod";
import type { Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import { DeskError } from "../errors";
import type { Upload } from "../files/service";

const status: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHORIZED: 401, BAD_REQUEST: 400, CONFLICT: 409, TOO_MANY_REQUESTS: 429, LIMIT_REACHED: 403 };

/** The string fields of a multipart form, for zod to check. */
export function formFields(form: FormData, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string") out[name] = value;
  }
  return out;
}

/** Every file under `name` in a multipart form, read into memory (the route bounds the request size first). */
export async function formUploads(form: FormData, name: string): Promise<Upload[]> {
  const uploads: Upload[] = [];
  for (const value of form.getAll(name)) {
    if (value instanceof File && value.size > 0) uploads.push({ fileName: value.name, contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return uploads;
}

/**
 * A refusal for a public page, in the visitor's language: the message key and parameters, the
 * message itself, and a message per field, so a page with no translations of its own (the widget)
 * can show them as they are.
 */
export async function publicErrorResponse(error: unknown, locale: Locale): Promise<Response> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "errors" }) as unknown as (key: string, values?: Record<string, unknown>) => string;
  const say = (key: string, params?: Record<string, unknown>) => {
    try {
      return t(key, params as Record<string, string>);
    } catch {
      return t("generic");
    }
  };
  if (error instanceof ZodError) {
    const fields = Object.fromEntries(Object.entries(z.flattenError(error).fieldErrors).map(([field, keys]) => [field, say((keys as string[])[0] ?? "generic")]));
    return Response.json({ error: "widget.fixFields", message: say("widget.fixFields"), fields }, { status: 400 });
  }
  if (error instanceof DeskError) {
    const fields = error.fields ? Object.fromEntries(Object.entries(error.fields).map(([field, key]) => [field, say(key, error.params)])) : null;
    const headers: Record<string, string> = {};
    if (error.code === "TOO_MANY_REQUESTS") headers["Retry-After"] = String(Number(error.params?.minutes ?? 1) * 60);
    return Response.json({ error: error.messageKey, params: error.params ?? null, message: say(error.messageKey, error.params), fields }, { status: status[error.code] ?? 400, headers });
  }
  throw error;
}
