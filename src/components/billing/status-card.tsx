"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { useDayFormat, useMoney, type BillingOverview } from "./shared";

/** The balance, what a day costs, how long the balance lasts, and — when paused — what that means. */
export function StatusCard({ data, timeZone, className }: { data: BillingOverview; timeZone: string; className?: string }) {
  const t = useTranslations("billing.status");
  const tOptions = useTranslations("billing.options");
  const format = useFormatter();
  const money = useMoney(data.currency);
  const day = useDayFormat();
  const suspended = data.status === "suspended";

  let outlook: string;
  if (data.daysLeft === null) outlook = t("free");
  else if (suspended) outlook = t("pausedOutlook");
  else if (data.daysLeft === 0) outlook = t("lessThanDay");
  else outlook = t("daysLeft", { days: data.daysLeft });

  const optionsLine = data.plan.optionsIncluded
    ? t("optionsIncluded")
    : data.options.length === 0
      ? t("noOptions")
      : format.list(
          data.options.map((option) => tOptions(option)),
          { type: "conjunction" },
        );

  const topUpLink = (
    <a href="#top-up" className={buttonClassName({ variant: "secondary", size: "sm" })}>
      {t("topUp")}
    </a>
  );

  return (
    <section
      aria-labelledby="billing-status"
      className={cn("flex flex-col gap-5 rounded-xl border bg-white p-6 shadow-xs", suspended ? "border-red-200" : "border-slate-200", className)}
    >
      <div>
        <div className="flex items-center justify-between gap-3">
          <h2 id="billing-status" className="text-sm font-medium text-slate-600">
            {t("balance")}
          </h2>
          <Badge variant={suspended ? "danger" : "success"} dot>
            {suspended ? t("suspended") : t("active")}
          </Badge>
        </div>
        <p className="mt-1 text-4xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid="billing-balance">
          {money(data.balance)}
        </p>
        <p className={cn("mt-1 text-sm", data.lowBalance || suspended ? "font-medium text-slate-800" : "text-slate-600")}>{outlook}</p>
      </div>

      {suspended ? (
        <Alert variant="error" title={t("suspendedTitle")} action={topUpLink}>
          <p>{data.suspendedAt ? t("suspendedSince", { date: format.dateTime(data.suspendedAt, { dateStyle: "medium", timeStyle: "short", timeZone }) }) : null} {t("suspendedBody")}</p>
        </Alert>
      ) : data.lowBalance ? (
        <Alert variant="warning" title={t("lowTitle")} action={topUpLink}>
          {t("lowBody", { days: data.daysLeft ?? 0 })}
        </Alert>
      ) : null}

      <dl className="grid gap-4 border-t border-slate-100 pt-5 sm:grid-cols-3">
        <div className="flex flex-col gap-0.5">
          <dt className="text-sm text-slate-500">{t("dailyPrice")}</dt>
          <dd className="text-base font-semibold text-slate-900 tabular-nums">{t("perDay", { price: money(data.dailyPrice) })}</dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-sm text-slate-500">{t("plan")}</dt>
          <dd className="text-base font-semibold text-slate-900">{data.plan.name}</dd>
          <dd className="text-sm text-slate-600">{optionsLine}</dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-sm text-slate-500">{data.chargedThrough ? t("paidThrough") : t("billingStarts")}</dt>
          <dd className="text-base font-semibold text-slate-900">{day(data.chargedThrough ?? data.billingStarts)}</dd>
          {data.chargedThrough ? null : <dd className="text-sm text-slate-600">{t("trialNote")}</dd>}
        </div>
      </dl>
    </section>
  );
}
