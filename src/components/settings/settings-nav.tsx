"use client";

import { useTranslations } from "next-intl";
import { NavLinks } from "@/components/ui/nav-links";
import { cn } from "@/lib/cn";

/** The pages of Settings, as tabs under the page header. */
export function SettingsNav({ desk }: { desk: string }) {
  const t = useTranslations("panel.settings.nav");
  const base = `/d/${desk}/settings`;
  const pages = [
    { href: base, label: t("general") },
    { href: `${base}/widget`, label: t("widget") },
    { href: `${base}/stop-list`, label: t("stopList") },
    { href: `${base}/canned`, label: t("canned") },
    { href: `${base}/mail`, label: t("mail") },
    { href: `${base}/templates`, label: t("templates") },
    { href: `${base}/priority`, label: t("priority") },
    { href: `${base}/sla`, label: t("sla") },
  ];
  return (
    <NavLinks
      label={t("label")}
      links={pages}
      className="mb-6 border-b border-slate-200"
      listClassName="-mb-px flex gap-1 overflow-x-auto"
      linkClassName={(current) =>
        cn(
          "inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
          current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
        )
      }
    />
  );
}
