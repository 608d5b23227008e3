"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { SectionTabs } from "@/components/ui/section-tabs";
import { useTRPC } from "@/trpc/react";

/** The two views of the knowledge base for its editors: articles and categories, and visitors' comments. */
export function KbTabs({ desk, current }: { desk: string; current: "articles" | "comments" }) {
  const t = useTranslations("kb.tabs");
  const trpc = useTRPC();
  const pending = useQuery(trpc.kb.comments.queryOptions({ desk, status: "pending" }));
  const waiting = pending.data?.length ?? 0;
  const badge =
    waiting > 0 ? (
      <span className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-800 tabular-nums">
        <span aria-hidden="true">{waiting >= 200 ? "200+" : waiting}</span>
        <span className="sr-only">{t("pending", { count: waiting })}</span>
      </span>
    ) : null;
  return (
    <SectionTabs
      label={t("label")}
      current={current}
      tabs={[
        { key: "articles", href: `/d/${desk}/kb`, label: t("articles") },
        { key: "comments", href: `/d/${desk}/kb/comments`, label: t("comments"), badge },
      ]}
    />
  );
}
