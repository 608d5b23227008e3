"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { cn } from "@/lib/cn";
import type { BillingOverview } from "./shared";

/** Today's use of the plan's limits: staff seats, new requests, and what is held. */
export function UsageCard({ data, desk, className }: { data: BillingOverview; desk: string; className?: string }) {
  const t = useTranslations("billing.usage");
  const { usage, plan } = data;
  return (
    <section aria-labelledby="billing-usage" className={cn("flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6 shadow-xs", className)}>
      <div>
        <h2 id="billing-usage" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-0.5 text-sm text-slate-500">{t("description", { plan: plan.name })}</p>
      </div>
      <dl className="flex flex-col gap-5">
        <Meter label={t("seats")} used={usage.seats} limit={plan.agentSeats} hint={t("seatsHint")} full={usage.seats >= plan.agentSeats ? t("seatsFull") : null} />
        <Meter
          label={t("tickets")}
          used={usage.ticketsToday}
          limit={plan.ticketsPerDay}
          hint={t("ticketsHint")}
          full={usage.ticketsToday >= plan.ticketsPerDay ? t("ticketsFull") : null}
        />
        <div className="flex flex-col gap-1 border-t border-slate-100 pt-4">
          <dt className="text-sm font-medium text-slate-800">{t("held")}</dt>
          <dd className="text-sm text-slate-600">
            {usage.held === 0 ? (
              t("heldNone")
            ) : (
              <>
                <span className="font-semibold text-slate-900 tabular-nums">{t("heldCount", { count: usage.held })}</span>{" "}
                <Link href={`/d/${desk}?view=held`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
                  {t("heldLink")}
                </Link>
              </>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Meter({ label, used, limit, hint, full }: { label: string; used: number; limit: number; hint: string; full: string | null }) {
  const t = useTranslations("billing.usage");
  const format = useFormatter();
  const share = limit > 0 ? Math.min(1, used / limit) : 1;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3 gap-y-1.5">
      <dt className="text-sm font-medium text-slate-800">{label}</dt>
      <dd className="text-sm text-slate-600 tabular-nums">{t("ofLimit", { used: format.number(used), limit: format.number(limit) })}</dd>
      <dd aria-hidden="true" className="col-span-2 h-2 overflow-hidden rounded-full bg-slate-100">
        <div
          className={cn("h-full rounded-full", share >= 1 ? "bg-amber-500" : "bg-brand-500")}
          style={{ width: `${Math.max(share * 100, used > 0 ? 3 : 0)}%` }}
        />
      </dd>
      <dd className={cn("col-span-2 text-xs", full ? "font-medium text-amber-800" : "text-slate-500")}>{full ?? hint}</dd>
    </div>
  );
}
