"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState } from "react";
import { serverMessage, type ErrorMessage } from "@/components/forms/errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ProblemIcon } from "@/components/ui/field";
import { CheckIcon } from "@/components/ui/icon";
import { SectionHeading } from "@/components/ui/section-heading";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { NoticeSlot } from "./notice-slot";
import { priceOf, useBillingErrorText, useMoney, useReturnFocus, type BillingOption, type BillingOverview, type BillingPlan } from "./shared";

const sameOptions = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((option) => b.includes(option));

/** The plans side by side, the options, the new daily price, and a confirmation before changing. */
export function PlanPicker({ desk, data }: { desk: string; data: BillingOverview }) {
  const t = useTranslations("billing.plans");
  const tOptions = useTranslations("billing.options");
  const format = useFormatter();
  const errorText = useBillingErrorText();
  const money = useMoney(data.currency);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(trpc.billing.changePlan.mutationOptions());
  const ids = useId();
  const focus = useReturnFocus();

  const [planId, setPlanId] = useState(data.plan.id);
  const [options, setOptions] = useState<BillingOption[]>(data.options);
  const [confirming, setConfirming] = useState(false);
  const [planError, setPlanError] = useState<ErrorMessage>(null);
  const [dialogError, setDialogError] = useState<ErrorMessage>(null);
  const [notice, setNotice] = useState<{ variant: "success"; text: string } | null>(null);

  const selected = data.plans.find((plan) => plan.id === planId) ?? data.plans[0];
  if (!selected) return null;
  const chosenOptions = selected.optionsIncluded ? [] : options;
  const newPrice = priceOf(selected, chosenOptions);
  const planChanged = selected.id !== data.plan.id;
  // On a plan with every option included the desk keeps none of its own; that is not a change by itself.
  const dirty = planChanged || (!selected.optionsIncluded && !sameOptions(options, data.options));
  const optionNames = (list: readonly string[]) => format.list(list.map((option) => tOptions(option)), { type: "conjunction" });

  const pick = (id: string) => {
    setPlanId(id);
    setPlanError(null);
    setNotice(null);
  };

  async function confirm() {
    setDialogError(null);
    try {
      const result = await change.mutateAsync({ desk, planId: selected!.id, options: chosenOptions });
      await queryClient.invalidateQueries({ queryKey: trpc.billing.overview.queryKey({ desk }) });
      setConfirming(false);
      setPlanError(null);
      setOptions(chosenOptions);
      setNotice({
        variant: "success",
        text: [t("changed", { plan: selected!.name, price: money(result.dailyPrice) }), result.released > 0 ? t("released", { count: result.released }) : null].filter(Boolean).join(" "),
      });
    } catch (error) {
      const message = serverMessage(error);
      if (message?.key === "billing.downgradeSeats" || message?.key === "billing.planNotFound") {
        // A problem with the plan chosen: shown beside the plans, where it can be fixed.
        setConfirming(false);
        setPlanError(message);
        focus.restore();
      } else setDialogError(message);
    }
  }

  return (
    <section aria-labelledby="billing-plans" className="flex flex-col gap-4">
      <SectionHeading id="billing-plans" title={t("title")} description={t("description")} />

      <NoticeSlot notice={notice} onClose={() => setNotice(null)} />

      <fieldset aria-describedby={planError ? `${ids}-plan-error` : undefined}>
        <legend className="sr-only">{t("planLegend")}</legend>
        <div className={cn("grid gap-4 md:grid-cols-2", data.plans.length > 2 && "xl:grid-cols-3")}>
          {data.plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} current={plan.id === data.plan.id} chosen={plan.id === selected.id} onChoose={() => pick(plan.id)} money={money} />
          ))}
        </div>
        {planError ? (
          <p id={`${ids}-plan-error`} role="alert" data-problem className="mt-3 flex items-start gap-1.5 text-sm text-red-700">
            <ProblemIcon />
            <span>
              {errorText(planError)}{" "}
              {planError.key === "billing.downgradeSeats" ? (
                <Link href={`/d/${desk}/staff`} className="font-medium underline underline-offset-2">
                  {t("manageStaff")}
                </Link>
              ) : null}
            </span>
          </p>
        ) : null}
      </fieldset>

      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        <fieldset>
          <legend className="text-base font-semibold text-slate-900">{t("optionsLegend")}</legend>
          {selected.optionsIncluded ? (
            <>
              <p className="mt-1 mb-4 text-sm text-slate-600">{t("optionsIncluded", { plan: selected.name })}</p>
              <ul className="flex flex-col gap-2.5">
                {data.allOptions.map((option) => (
                  <li key={option} className="flex items-center gap-3 text-sm font-medium text-slate-800">
                    <CheckIcon className="size-4 text-emerald-600" />
                    {tOptions(option)}
                    <span className="font-normal text-slate-500">{t("included")}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p className="mt-1 mb-4 text-sm text-slate-600">{t("optionsPaid", { plan: selected.name })}</p>
              <div className="flex flex-col gap-3">
                {data.allOptions.map((option) => (
                  <CheckboxField
                    key={option}
                    label={tOptions(option)}
                    description={t("optionPrice", { price: money(selected.optionDailyPrice) })}
                    checked={options.includes(option)}
                    onCheckedChange={(checked) => {
                      setNotice(null);
                      setOptions((list) => (checked === true ? data.allOptions.filter((o) => o === option || list.includes(o)) : list.filter((o) => o !== option)));
                    }}
                  />
                ))}
              </div>
            </>
          )}
        </fieldset>
      </div>

      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-slate-50 px-6 py-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700" aria-live="polite">
          {dirty ? (
            <>
              {t("newPrice")} <span className="text-base font-semibold text-slate-900 tabular-nums">{t("perDay", { price: money(newPrice) })}</span>{" "}
              <span className="text-slate-500">{t("nowPrice", { price: money(data.dailyPrice) })}</span>
            </>
          ) : (
            <>
              {t("currentPrice")} <span className="text-base font-semibold text-slate-900 tabular-nums">{t("perDay", { price: money(data.dailyPrice) })}</span>
            </>
          )}
        </p>
        <div className="flex gap-2">
          {dirty ? (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setPlanId(data.plan.id);
                setOptions(data.options);
                setPlanError(null);
              }}
            >
              {t("reset")}
            </Button>
          ) : null}
          <Button
            type="button"
            disabled={!dirty}
            onClick={() => {
              setDialogError(null);
              focus.remember();
              setConfirming(true);
            }}
          >
            {dirty && !planChanged ? t("updateOptions") : t("change")}
          </Button>
        </div>
      </div>

      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) focus.restore();
        }}
        title={planChanged ? t("confirmTitle", { plan: selected.name }) : t("confirmOptionsTitle")}
        description={t("confirmDescription")}
        confirmLabel={planChanged ? t("confirmChange", { plan: selected.name }) : t("confirmOptions")}
        pending={change.isPending}
        error={dialogError ? errorText(dialogError) : null}
        onConfirm={() => void confirm()}
      >
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 rounded-lg bg-slate-50 p-4 text-sm">
          <dt className="text-slate-500">{t("summaryPlan")}</dt>
          <dd className="font-medium text-slate-900">{planChanged ? t("fromTo", { from: data.plan.name, to: selected.name }) : selected.name}</dd>
          <dt className="text-slate-500">{t("summaryOptions")}</dt>
          <dd className="font-medium text-slate-900">
            {selected.optionsIncluded ? t("allIncluded") : chosenOptions.length === 0 ? t("none") : optionNames(chosenOptions)}
          </dd>
          <dt className="text-slate-500">{t("summaryPrice")}</dt>
          <dd className="font-semibold text-slate-900 tabular-nums">
            {t("perDay", { price: money(newPrice) })} <span className="font-normal text-slate-500">{t("nowPrice", { price: money(data.dailyPrice) })}</span>
          </dd>
          {newPrice > 0 ? (
            <>
              <dt className="text-slate-500">{t("summaryDays")}</dt>
              <dd className="text-slate-900">{t("daysAtNewPrice", { days: Math.floor(data.balance / newPrice) })}</dd>
            </>
          ) : null}
        </dl>
      </ConfirmDialog>
    </section>
  );
}

function PlanCard({ plan, current, chosen, onChoose, money }: { plan: BillingPlan; current: boolean; chosen: boolean; onChoose: () => void; money: (minor: number) => string }) {
  const t = useTranslations("billing.plans");
  return (
    <label
      className={cn(
        "relative flex cursor-pointer flex-col gap-4 rounded-xl border bg-white p-5 shadow-xs transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
        chosen ? "border-brand-500 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300",
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <span className="flex items-center gap-3">
          <input type="radio" name="billing-plan" value={plan.id} checked={chosen} onChange={onChoose} className="size-4 accent-brand-600 focus-visible:outline-none" />
          <span className="text-base font-semibold text-slate-900">{plan.name}</span>
        </span>
        {current ? <Badge variant="brand">{t("current")}</Badge> : null}
      </div>
      <p className="flex items-baseline gap-1">
        <span className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{money(plan.dailyPrice)}</span>
        <span className="text-sm text-slate-500">{t("perDayShort")}</span>
      </p>
      <ul className="flex flex-col gap-1.5 text-sm text-slate-700">
        <li>{t("seats", { count: plan.agentSeats })}</li>
        <li>{t("ticketsPerDay", { count: plan.ticketsPerDay })}</li>
        <li>{plan.optionsIncluded ? t("allOptionsIncluded") : t("optionsExtra", { price: money(plan.optionDailyPrice) })}</li>
      </ul>
    </label>
  );
}
