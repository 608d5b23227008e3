import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";

/** The two views of the Staff section: people and access, and their activity. */
export async function StaffTabs({ desk, current }: { desk: string; current: "members" | "activity" }) {
  const t = await getTranslations("staff.tabs");
  const tabs = [
    { key: "members", href: `/d/${desk}/staff` },
    { key: "activity", href: `/d/${desk}/staff/activity` },
  ] as const;
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={cn(
                "inline-flex border-b-2 px-1 pb-3 text-sm font-medium transition-colors",
                tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
