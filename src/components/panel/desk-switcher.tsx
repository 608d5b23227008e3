"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export type DeskChoice = { slug: string; displayName: string; role: string };

/** Switches between the desks the person belongs to, and opens a new one. */
export function DeskSwitcher({ current, desks }: { current: { slug: string; displayName: string }; desks: DeskChoice[] }) {
  const t = useTranslations("panel.deskSwitcher");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex w-full items-center gap-3 rounded-lg px-2 py-1.5 text-left hover:bg-slate-100"
        aria-label={t("label", { desk: current.displayName })}
        data-testid="desk-switcher"
      >
        <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-sm font-semibold text-white" aria-hidden="true">
          {current.displayName.slice(0, 1).toUpperCase()}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-semibold text-slate-900">{current.displayName}</span>
          <span className="block truncate text-xs text-slate-500">/d/{current.slug}</span>
        </span>
        <svg viewBox="0 0 20 20" className="size-4 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
          <path d="m6 8 4-4 4 4M6 12l4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>{t("yourDesks")}</DropdownMenuLabel>
        {desks.map((d) => (
          <DropdownMenuItem key={d.slug} asChild>
            <Link href={`/d/${d.slug}`} aria-current={d.slug === current.slug ? "true" : undefined}>
              <span className="truncate">{d.displayName}</span>
              {d.slug === current.slug ? <span className="ml-auto text-xs text-brand-600">{t("current")}</span> : null}
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/d/new">{t("create")}</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
