import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type SectionTab = { key: string; href: string; label: string; badge?: ReactNode };

/** Links between the views of one panel section (Staff: members/activity; Knowledge base: articles/comments). */
export function SectionTabs({ label, tabs, current }: { label: string; tabs: SectionTab[]; current: string }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={cn(
                "inline-flex items-center gap-2 border-b-2 px-1 pb-3 text-sm font-medium transition-colors",
                tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {tab.label}
              {tab.badge}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
