"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { useDuration } from "@/components/sla/duration";
import { Badge } from "@/components/ui/badge";

/** A ticket's nearest SLA deadline in a list row: red once overdue or breached, amber within the hour. */
export function SlaDueBadge({ dueAt, breaches, timeZone }: { dueAt: Date | null; breaches: string[]; timeZone: string }) {
  const t = useTranslations("sla.badge");
  const format = useFormatter();
  const duration = useDuration();
  const now = useNow({ updateInterval: 60_000 });
  if (!dueAt) return breaches.length ? <Badge variant="danger">{t("breached")}</Badge> : null;
  const minutes = (dueAt.getTime() - now.getTime()) / 60_000;
  const variant = minutes < 0 || breaches.length ? "danger" : minutes < 60 ? "warning" : "neutral";
  return (
    <Badge variant={variant} data-testid="sla-due-badge" title={format.dateTime(dueAt, { dateStyle: "medium", timeStyle: "short", timeZone })}>
      {minutes < 0 ? t("overdue", { time: duration(minutes) }) : t("dueIn", { time: duration(minutes) })}
    </Badge>
  );
}
