"use client";

import { useNow, useTranslations } from "next-intl";
import { useLocalFormat } from "./use-local-format";

const WEEK_MS = 7 * 86_400_000;

/** "5 minutes ago" for the last week, a date before that, "Never" when the person never came. */
export function LastSeen({ at }: { at: Date | null }) {
  const t = useTranslations("staff.members");
  const format = useLocalFormat();
  const now = useNow({ updateInterval: 60_000 });
  if (!at) return <span className="text-slate-400">{t("never")}</span>;
  const full = format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const recent = now.getTime() - at.getTime() < WEEK_MS;
  return (
    <time dateTime={at.toISOString()} title={full} className="whitespace-nowrap">
      {recent ? format.relativeTime(at > now ? now : at, now) : format.dateTime(at, { dateStyle: "medium" })}
    </time>
  );
}
