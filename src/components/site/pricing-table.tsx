import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/money";
import type { Plan } from "@/server/billing/schema";
import { SiteIcon } from "./site-icons";

export type PricingTableProps = {
  plans: Plan[];
  /** Interface locale, for money formatting. */
  locale: string;
  /** Credit every new desk receives, in minor units. */
  trialCredit: number;
  className?: string;
};

const includedEverywhere = ["inbox", "widget", "knowledgeBase", "quality"] as const;

/** The plans on sale with their daily price and limits; each links to sign-up with the plan chosen. */
export async function PricingTable({ plans, locale, trialCredit, className }: PricingTableProps) {
  const t = await getTranslations("site.pricing");
  const common = await getTranslations("common");
  const planName = (plan: Plan) => (t.has(`planNames.${plan.id}`) ? t(`planNames.${plan.id}`) : plan.name);

  if (plans.length === 0) {
    return <p className={cn("rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500", className)}>{t("empty")}</p>;
  }

  const trialPlan = plans.find((plan) => !plan.optionsIncluded && plan.dailyPrice > 0) ?? plans[0];
  const trialDays = trialPlan && trialPlan.dailyPrice > 0 ? Math.floor(trialCredit / trialPlan.dailyPrice) : 0;
  // The most complete plan is the one to point out.
  const featured = plans.length > 1 ? plans.findLast((plan) => plan.optionsIncluded)?.id : undefined;

  return (
    <div className={className}>
      <ul className={cn("mx-auto grid gap-6", plans.length > 1 ? "max-w-4xl md:grid-cols-2" : "max-w-md")}>
        {plans.map((plan) => {
          const isFeatured = plan.id === featured;
          const name = planName(plan);
          return (
            <li
              key={plan.id}
              className={cn(
                "relative flex flex-col rounded-2xl border bg-white p-8 shadow-xs",
                isFeatured ? "border-brand-500 shadow-lg shadow-brand-600/10 ring-1 ring-brand-500" : "border-slate-200",
              )}
            >
              <div className="flex items-center justify-between gap-3">
                <h3 className="text-lg font-semibold text-slate-900">{name}</h3>
                {isFeatured ? <Badge variant="brand">{t("featured")}</Badge> : null}
              </div>
              {t.has(`blurbs.${plan.id}`) ? <p className="mt-1 text-sm text-slate-500">{t(`blurbs.${plan.id}`)}</p> : null}
              <p className="mt-6 flex items-baseline gap-1.5">
                <span className="text-4xl font-semibold tracking-tight text-slate-900 tabular-nums">
                  {formatMoney(plan.dailyPrice, locale)}
                </span>
                <span className="text-sm text-slate-500">{t("perDay")}</span>
              </p>
              <p className="mt-1 text-sm text-slate-500">{t("per30Days", { amount: formatMoney(plan.dailyPrice * 30, locale) })}</p>
              <ul className="mt-6 space-y-3 text-sm text-slate-700">
                <PlanLine>{t("agents", { count: plan.agentSeats })}</PlanLine>
                <PlanLine>{t("tickets", { count: plan.ticketsPerDay })}</PlanLine>
                <PlanLine>
                  {plan.optionsIncluded
                    ? t("optionsIncluded")
                    : t("optionsExtra", { price: formatMoney(plan.optionDailyPrice, locale) })}
                </PlanLine>
              </ul>
              <div className="mt-8 flex flex-1 items-end">
                <Button asChild size="lg" variant={isFeatured ? "primary" : "secondary"} className="w-full">
                  <Link href={`/signup?plan=${encodeURIComponent(plan.id)}`}>
                    {common("createDesk")}
                    <span className="sr-only"> {t("ctaPlan", { plan: name })}</span>
                  </Link>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>

      <div className="mx-auto mt-10 max-w-4xl space-y-6">
        <div className="rounded-xl border border-brand-100 bg-brand-50 px-5 py-4 text-sm text-brand-700">
          <p className="font-medium">
            {trialPlan && trialDays > 0
              ? t("trial", { credit: formatMoney(trialCredit, locale), days: trialDays, plan: planName(trialPlan) })
              : t("trialShort", { credit: formatMoney(trialCredit, locale) })}
          </p>
        </div>
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("everyPlan")}</h3>
          <ul className="mt-3 grid gap-x-6 gap-y-2 text-sm text-slate-600 sm:grid-cols-2">
            {includedEverywhere.map((key) => (
              <PlanLine key={key}>{t(`included.${key}`)}</PlanLine>
            ))}
          </ul>
        </div>
        <div className="grid gap-4 text-sm leading-relaxed text-slate-500 sm:grid-cols-2">
          <p>{t("limitsNote")}</p>
          <p>{t("balanceNote")}</p>
        </div>
      </div>
    </div>
  );
}

function PlanLine({ children }: { children: ReactNode }) {
  return (
    <li className="flex gap-2.5">
      <SiteIcon name="check" className="mt-0.5 size-4 shrink-0 text-brand-600" />
      <span>{children}</span>
    </li>
  );
}
