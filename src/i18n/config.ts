export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const localeCookie = "NEXT_LOCALE";

// Message files are split by namespace (messages/<locale>/<namespace>.json) so features add
// their own file instead of editing one big one.
export const namespaces = ["common", "site", "auth", "setup", "panel", "errors", "staff", "mail", "inbox", "ticket", "customers", "widget", "widgetAdmin", "portal", "kb", "billing", "sla", "priority", "internalMail", "reports"] as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Picks the first supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return null;
}
