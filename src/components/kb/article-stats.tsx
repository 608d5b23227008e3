"use client";

import { useFormatter, useTranslations } from "next-intl";
import { helpfulPercent, type KbArticleDetails } from "./shared";

/** What visitors did with the article: views, widget views, deflections and votes. */
export function ArticleStats({ stats }: { stats: KbArticleDetails["stats"] }) {
  const t = useTranslations("kb.editor.stats");
  const format = useFormatter();
  const percent = helpfulPercent(stats.helpful, stats.votes);
  const items: { key: string; label: string; value: string; detail?: string }[] = [
    { key: "views30", label: t("views30"), value: format.number(stats.views30), detail: t("viewsTotal", { count: stats.views }) },
    { key: "widget", label: t("widgetViews"), value: format.number(stats.widgetViews) },
    { key: "deflections", label: t("deflections"), value: format.number(stats.deflections), detail: t("deflectionsHint") },
    {
      key: "helpful",
      label: t("helpful"),
      value: stats.votes > 0 ? t("helpfulValue", { helpful: stats.helpful, votes: stats.votes }) : "—",
      detail: percent === null ? t("noVotes") : t("percent", { value: percent }),
    },
    {
      key: "score",
      label: t("averageScore"),
      value: stats.averageScore === null ? "—" : t("score", { score: format.number(stats.averageScore, { maximumFractionDigits: 1 }) }),
      detail: stats.averageScore === null ? t("noScores") : undefined,
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
      {items.map((item) => (
        <div key={item.key} className="flex min-w-0 flex-col">
          <dt className="text-xs text-slate-500">{item.label}</dt>
          <dd className="text-lg font-semibold text-slate-900 tabular-nums">{item.value}</dd>
          {item.detail ? <dd className="text-xs text-slate-500">{item.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
