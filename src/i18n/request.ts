import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookie, localeFromAcceptLanguage } from "./config";
import { loadMessages } from "./messages";

// The interface language: one a page asks for (a desk's public pages use the desk's), else the
// visitor's choice (cookie), else the browser's, else English.
export default getRequestConfig(async ({ locale: asked }) => {
  if (isLocale(asked)) return { locale: asked, messages: await loadMessages(asked), timeZone: "UTC" };
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale);
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
