"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useDuration } from "@/components/sla/duration";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { useTicket } from "./ticket-context";

/**
 * The ticket's SLA clocks: each target with its deadline in the desk's time zone and the time
 * left; amber when less than a quarter of the target remains, red once breached, "paused" while
 * the ticket waits on the customer.
 */
export function SlaClocks({ headingId }: { headingId: string }) {
  const t = useTranslations("sla.clocks");
  const format = useFormatter();
  const duration = useDuration();
  const { data } = useTicket();
  const { sla } = data;
  return (
    <section className="border-b border-slate-100 px-4 py-3" aria-labelledby={headingId} data-testid="sla-clocks">
      <h2 id={headingId} className="mb-2 flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {t("title")}
        {sla.paused ? <Badge variant="neutral">{t("pausedBadge")}</Badge> : null}
      </h2>
      {sla.clocks.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {sla.paused ? <li className="text-xs text-slate-500">{t("paused")}</li> : null}
          {sla.clocks.map((clock) => {
            const tone = clock.breached ? "danger" : clock.warning ? "warning" : clock.state === "stopped" ? "neutral" : "success";
            const status =
              clock.state === "stopped"
                ? clock.breached
                  ? t("breached")
                  : clock.kind === "first_response"
                    ? t("met")
                    : t("notRunning")
                : clock.breached
                  ? t("breached")
                  : clock.state === "paused"
                    ? t("pausedBadge")
                    : clock.warning
                      ? t("soon")
                      : null;
            return (
              <li
                key={clock.kind}
                data-testid={`sla-clock-${clock.kind}`}
                data-tone={tone}
                className={cn(
                  "rounded-lg border px-3 py-2",
                  tone === "danger" && "border-red-200 bg-red-50",
                  tone === "warning" && "border-amber-200 bg-amber-50",
                  tone === "success" && "border-slate-200 bg-white",
                  tone === "neutral" && "border-slate-100 bg-slate-50",
                )}
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="text-sm font-medium text-slate-800">{t(`kinds.${clock.kind}`)}</span>
                  {status ? <Badge variant={tone === "success" ? "neutral" : tone}>{status}</Badge> : null}
                </div>
                {clock.dueAt ? (
                  <div className="mt-0.5 flex flex-col text-xs text-slate-600">
                    <time dateTime={clock.dueAt.toISOString()}>
                      {t("dueAt", { at: format.dateTime(clock.dueAt, { dateStyle: "medium", timeStyle: "short", timeZone: sla.timeZone }) })}
                    </time>
                    {clock.remainingMinutes !== null ? (
                      <span className={cn("font-medium", tone === "danger" ? "text-red-700" : tone === "warning" ? "text-amber-800" : "text-slate-700")}>
                        {clock.remainingMinutes >= 0
                          ? t(sla.businessHours ? "leftBusiness" : "left", { time: duration(clock.remainingMinutes, sla.businessHours) })
                          : t("overdue", { time: duration(clock.remainingMinutes) })}
                      </span>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
