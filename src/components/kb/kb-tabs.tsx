"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";

/** The two views of the knowledge base for its editors: articles and categories, and visitors' comments. */
export function KbTabs({ desk, current }: { desk: string; current: "articles" | "comments" }) {
  const t = useTranslations("kb.tabs");
  const trpc = useTRPC();
  const pending = useQuery(trpc.kb.comments.queryOptions({ desk, status: "pending" }));
  const waiting = pending.data?.length ?? 0;
  const tabs = [
    { key: "articles", href: `/d/${desk}/kb` },
    { key: "comments", href: `/d/${desk}/kb/comments` },
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
                "inline-flex items-center gap-2 border-b-2 px-1 pb-3 text-sm font-medium transition-colors",
                tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {t(tab.key)}
              {tab.key === "comments" && waiting > 0 ? (
                <span className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-800 tabular-nums">
                  <span aria-hidden="true">{waiting >= 200 ? "200+" : waiting}</span>
                  <span className="sr-only">{t("pending", { count: waiting })}</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
