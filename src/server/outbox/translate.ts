import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";

export type MailTranslate = (key: string, values?: Record<string, string | number>) => string;

/** Mail is written in the recipient's (or the desk's) language, outside any request. */
export async function mailTranslator(locale: Locale): Promise<MailTranslate> {
  const messages = await loadMessages(locale);
  const translate = createTranslator({ locale, messages, namespace: "mail" });
  // Keys come from our own code; the messages are loaded at run time, so they are untyped here.
  return translate as unknown as MailTranslate;
}
