import Link from "next/link";
import { getNow, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";
import { Logo } from "./logo";

const linkClass = "rounded-sm text-sm text-slate-600 transition-colors hover:text-slate-900";

/** The public site's footer: product links, account links, language and copyright. */
export async function SiteFooter() {
  const t = await getTranslations("site.footer");
  const nav = await getTranslations("site.nav");
  const common = await getTranslations("common");
  const year = (await getNow()).getUTCFullYear();
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-[2fr_1fr_1fr]">
        <div className="space-y-3">
          <Logo />
          <p className="max-w-xs text-sm text-slate-500">{common("tagline")}</p>
          <LanguageSwitcher variant="secondary" align="start" side="top" className="mt-2" />
        </div>
        <nav aria-label={t("product")}>
          <h2 className="text-sm font-semibold text-slate-900">{t("product")}</h2>
          <ul className="mt-3 space-y-2">
            <li>
              <Link href="/#features" className={linkClass}>
                {nav("features")}
              </Link>
            </li>
            <li>
              <Link href="/#pricing" className={linkClass}>
                {nav("pricing")}
              </Link>
            </li>
          </ul>
        </nav>
        <nav aria-label={t("account")}>
          <h2 className="text-sm font-semibold text-slate-900">{t("account")}</h2>
          <ul className="mt-3 space-y-2">
            <li>
              <Link href="/signup" className={linkClass}>
                {common("createDesk")}
              </Link>
            </li>
            <li>
              <Link href="/signin" className={linkClass}>
                {common("signIn")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-slate-100">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-500 sm:px-6">{t("copyright", { year })}</p>
      </div>
    </footer>
  );
}
