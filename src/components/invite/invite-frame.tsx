import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/site/language-switcher";
import { Logo } from "@/components/site/logo";

/** The invitation page's frame: the logo, the language, and the card centred below. */
export async function InviteFrame({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <a
        href="#content"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-medium text-slate-900 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t("skipToContent")}
      </a>
      <header className="mx-auto flex w-full max-w-md items-center justify-between px-4 pt-10">
        <Link href="/" className="-mx-1 rounded-md px-1">
          <Logo />
        </Link>
        <LanguageSwitcher display="compact" />
      </header>
      <main id="content" tabIndex={-1} className="flex flex-1 flex-col">
        {children}
      </main>
    </div>
  );
}
