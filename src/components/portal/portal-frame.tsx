import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/i18n/config";
import { accentStyle } from "./accent";
import { HelpNav } from "./help-nav";
import { portalClientMessages, portalTranslator } from "./i18n";

export type FrameDesk = { slug: string; displayName: string; locale: Locale };

/**
 * The frame of a desk's public pages (help center and the customer's ticket page): the desk's
 * name and colour, the help center's links, "Powered by Deskhand"; in the desk's language.
 */
export async function PortalFrame({
  desk,
  color,
  helpCenter,
  children,
}: {
  desk: FrameDesk;
  color: string | null;
  /** Whether the desk has a public help center to link to. */
  helpCenter: boolean;
  children: React.ReactNode;
}) {
  const [t, messages] = await Promise.all([portalTranslator(desk.locale), portalClientMessages(desk.locale)]);
  const home = `/help/${desk.slug}`;
  const brand = (
    <>
      <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-base font-semibold text-white shadow-sm">
        {Array.from(desk.displayName.trim())[0]?.toUpperCase() ?? "?"}
      </span>
      <span className="min-w-0">
        <span className="block truncate text-base leading-tight font-semibold text-slate-900">{desk.displayName}</span>
        <span className="block text-xs leading-tight text-slate-500">{t("frame.helpCenter")}</span>
      </span>
    </>
  );
  return (
    <NextIntlClientProvider locale={desk.locale} messages={messages} timeZone="UTC">
      <div lang={desk.locale} style={accentStyle(color)} className="flex min-h-screen flex-col bg-slate-50">
        <a
          href="#content"
          className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-medium text-slate-900 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          {t("frame.skipToContent")}
        </a>
        <header className="border-t-4 border-t-brand-600 border-b border-b-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
            {helpCenter ? (
              <Link href={home} className="-mx-1 flex min-w-0 items-center gap-3 rounded-lg px-1 py-0.5">
                {brand}
              </Link>
            ) : (
              <div className="flex min-w-0 items-center gap-3">{brand}</div>
            )}
            {helpCenter ? (
              <HelpNav
                label={t("frame.nav")}
                links={[
                  { href: home, label: t("frame.home") },
                  { href: `${home}/submit`, label: t("frame.submit") },
                  { href: `${home}/check`, label: t("frame.check") },
                ]}
              />
            ) : null}
          </div>
        </header>
        <main id="content" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
            <p className="truncate">{desk.displayName}</p>
            <p>
              {t("frame.poweredBy")}{" "}
              <Link href="/" className="rounded-sm font-semibold text-slate-700 hover:text-slate-900">
                Deskhand
              </Link>
            </p>
          </div>
        </footer>
      </div>
    </NextIntlClientProvider>
  );
}
