import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { LanguageSwitcher } from "./language-switcher";
import { Logo } from "./logo";

/** The public site's top bar: logo, pricing, language, sign in and sign up. */
export async function SiteHeader() {
  const t = await getTranslations("site.nav");
  const common = await getTranslations("common");
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200/80 bg-white/85 backdrop-blur supports-[backdrop-filter]:bg-white/70">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link href="/" className="-mx-1 rounded-md px-1">
          <Logo />
        </Link>
        <nav aria-label={t("label")} className="ml-2 hidden sm:block">
          <ul className="flex items-center gap-1">
            <li>
              <Link
                href="/#features"
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 transition-colors hover:bg-slate-100 hover:text-slate-900"
              >
                {t("features")}
              </Link>
            </li>
            <li>
              <Link
                href="/#pricing"
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 transition-colors hover:bg-slate-100 hover:text-slate-900"
              >
                {t("pricing")}
              </Link>
            </li>
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <LanguageSwitcher display="compact" />
          <Button asChild variant="ghost" size="sm">
            <Link href="/signin">{common("signIn")}</Link>
          </Button>
          <Button asChild size="sm" className="hidden sm:inline-flex">
            <Link href="/signup">{common("createDesk")}</Link>
          </Button>
        </div>
      </div>
    </header>
  );
}
