import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";

export type PortalTranslate = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * The customer's pages speak the desk's language, whatever the visitor's browser says. The request
 * config answers with the visitor's language even when getTranslations is given another locale, so
 * the desk's messages are loaded and translated here directly.
 */
export async function portalTranslator(locale: Locale): Promise<PortalTranslate> {
  const translate = createTranslator({ locale, messages: await loadMessages(locale), namespace: "portal" });
  // Keys come from our own code; the messages are loaded at run time, so they are untyped here.
  return translate as unknown as PortalTranslate;
}

/** What the client components of these pages need: their own texts, error messages and the shared words. */
export async function portalClientMessages(locale: Locale) {
  const { portal, errors, common } = await loadMessages(locale);
  return { portal, errors, common };
}
