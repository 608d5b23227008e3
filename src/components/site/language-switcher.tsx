"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { isLocale, localeCookie, locales, type Locale } from "@/i18n/config";
import { cn } from "@/lib/cn";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** Remembers the interface language for a year (read by src/i18n/request.ts). */
export function writeLocaleCookie(locale: Locale) {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${localeCookie}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
}

export type LanguageSwitcherProps = {
  /** "full" shows the language's name, "compact" its two-letter code. */
  display?: "full" | "compact";
  variant?: Extract<ButtonVariant, "ghost" | "secondary">;
  align?: "start" | "center" | "end";
  side?: "top" | "bottom";
  className?: string;
};

/**
 * Picks the interface language: sets the NEXT_LOCALE cookie and re-renders the current page
 * on the server. Works anywhere under the root NextIntlClientProvider (site and panel).
 */
export function LanguageSwitcher({
  display = "full",
  variant = "ghost",
  align = "end",
  side = "bottom",
  className,
}: LanguageSwitcherProps) {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(value: string) {
    if (!isLocale(value) || value === current) return;
    writeLocaleCookie(value);
    startTransition(() => router.refresh());
  }

  const currentName = isLocale(current) ? t(`languages.${current}`) : current;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant={variant} size="sm" loading={pending} className={cn("gap-1.5 px-2.5", className)}>
          {pending ? null : <GlobeIcon />}
          <span className="sr-only">{t("language")}: </span>
          {display === "compact" ? (
            <>
              <span aria-hidden="true" className="uppercase">
                {current}
              </span>
              <span className="sr-only">{currentName}</span>
            </>
          ) : (
            <span>{currentName}</span>
          )}
          <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-3.5! text-slate-400">
            <path d="m4 6 4 4 4-4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align={align} side={side} className="min-w-40">
        <DropdownMenuLabel>{t("language")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={current} onValueChange={choose}>
          {locales.map((locale) => (
            <DropdownMenuRadioItem key={locale} value={locale} lang={locale}>
              {t(`languages.${locale}`)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function GlobeIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="none" aria-hidden="true" className="text-slate-500">
      <circle cx="10" cy="10" r="7.25" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M2.75 10h14.5M10 2.75c1.9 2 2.9 4.4 2.9 7.25S11.9 15.25 10 17.25C8.1 15.25 7.1 12.85 7.1 10S8.1 4.75 10 2.75Z"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}
