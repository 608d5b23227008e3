import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/site/language-switcher";
import { Logo } from "@/components/site/logo";

/** The platform operator's console: outside every desk, with its own plain frame. */
export default async function PlatformLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("billing.platform");
  const tCommon = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#platform-main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {tCommon("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6 lg:px-8">
          <Link href="/platform" className="-mx-1 rounded-md px-1">
            <Logo />
          </Link>
          <span className="rounded-md bg-slate-900 px-2 py-0.5 text-xs font-semibold tracking-wide text-white uppercase">{t("badge")}</span>
          <div className="ml-auto flex items-center gap-2">
            <Link href="/d" className="rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              {t("myDesks")}
            </Link>
            <LanguageSwitcher display="compact" />
          </div>
        </div>
      </header>
      <main id="platform-main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
