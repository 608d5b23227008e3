"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { statusVariant } from "./shared";
import { type Priority, type TicketStatus } from "@/server/tickets/values";

export function StatusBadge({ status }: { status: TicketStatus }) {
  const t = useTranslations("inbox.status");
  return (
    <Badge variant={statusVariant[status]} dot>
      {t(status)}
    </Badge>
  );
}

/** Urgent and high stand out; normal and low stay quiet text so the list stays calm. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useTranslations("inbox.priority");
  if (priority === "urgent") return <Badge variant="danger">{t(priority)}</Badge>;
  if (priority === "high") return <Badge variant="warning">{t(priority)}</Badge>;
  return <span className="text-xs text-slate-500">{t(priority)}</span>;
}

export function TagList({ tags, max = 2 }: { tags: readonly string[]; max?: number }) {
  const t = useTranslations("inbox.row");
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  return (
    <span className="hidden shrink-0 items-center gap-1 sm:inline-flex" aria-label={t("tags", { tags: tags.join(", ") })}>
      {shown.map((tag) => (
        <span key={tag} aria-hidden="true" className="rounded bg-slate-100 px-1.5 py-px text-[11px] font-medium text-slate-600">
          #{tag}
        </span>
      ))}
      {tags.length > max ? (
        <span aria-hidden="true" className="text-[11px] text-slate-500">
          +{tags.length - max}
        </span>
      ) : null}
    </span>
  );
}

/** "5 minutes ago", kept fresh every minute, with the exact time on hover. */
export function RelativeTime({ date, timeZone }: { date: Date; timeZone?: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  return (
    <time
      dateTime={date.toISOString()}
      title={format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone })}
      className="whitespace-nowrap"
    >
      {format.relativeTime(date.getTime() > now.getTime() ? now : date, now)}
    </time>
  );
}
