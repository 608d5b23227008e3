"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LanguageSwitcher } from "@/components/site/language-switcher";
import { InternalMailLive, MailNavBadge } from "@/components/internal-mail/live";
import { cn } from "@/lib/cn";
import { DeskSwitcher, type DeskChoice } from "./desk-switcher";
import { SectionIcon } from "./icons";
import { sectionsFor } from "./sections";
import { UserMenu } from "./user-menu";
import { type Role } from "@/server/staff/values";

type Props = {
  desk: { slug: string; displayName: string };
  role: Role;
  desks: DeskChoice[];
  me: { name: string; email: string };
  children: React.ReactNode;
};

export function PanelShell({ desk, role, desks, me, children }: Props) {
  const t = useTranslations("panel");
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const base = `/d/${desk.slug}`;
  const sections = sectionsFor(role);

  const nav = (
    <nav aria-label={t("nav.label")} className="flex flex-col gap-0.5 px-3 py-4">
      {sections.map((section) => {
        const href = `${base}${section.path}`;
        const active = section.path === "" ? pathname === base : pathname.startsWith(href);
        return (
          <Link
            key={section.key}
            href={href}
            aria-current={active ? "page" : undefined}
            onClick={() => setMenuOpen(false)}
            className={cn(
              "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-slate-600 transition-colors hover:bg-slate-100 hover:text-slate-900",
              active && "bg-brand-50 text-brand-700 hover:bg-brand-50 hover:text-brand-700",
            )}
          >
            <SectionIcon section={section.key} className="size-5 shrink-0" />
            {t(`nav.${section.key}`)}
            {section.key === "mail" ? <MailNavBadge desk={desk.slug} /> : null}
          </Link>
        );
      })}
    </nav>
  );

  return (
    <div className="flex min-h-screen">
      <InternalMailLive desk={desk.slug} />
      <a href="#panel-main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {t("skipToContent")}
      </a>
      <aside className="hidden w-64 shrink-0 flex-col border-r border-slate-200 bg-white lg:flex">
        <div className="border-b border-slate-200 p-3">
          <DeskSwitcher current={desk} desks={desks} />
        </div>
        {nav}
      </aside>
      {menuOpen ? (
        <div className="fixed inset-0 z-40 lg:hidden">
          <button type="button" aria-label={t("nav.close")} className="absolute inset-0 bg-slate-900/30" onClick={() => setMenuOpen(false)} />
          <aside className="relative flex h-full w-72 flex-col overflow-y-auto bg-white shadow-xl">
            <div className="border-b border-slate-200 p-3">
              <DeskSwitcher current={desk} desks={desks} />
            </div>
            {nav}
          </aside>
        </div>
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-3 border-b border-slate-200 bg-white px-4">
          <button
            type="button"
            className="rounded-lg p-2 text-slate-600 hover:bg-slate-100 lg:hidden"
            aria-label={t("nav.open")}
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
          >
            <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
              <path d="M4 6h16M4 12h16M4 18h16" strokeLinecap="round" />
            </svg>
          </button>
          <span className="truncate text-sm font-semibold text-slate-900 lg:hidden">{desk.displayName}</span>
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitcher display="compact" />
            <UserMenu desk={desk.slug} me={me} role={role} />
          </div>
        </header>
        <main id="panel-main" className="flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
