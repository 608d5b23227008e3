"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { serverMessage, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { AmountInput } from "./amount-input";
import { amountText, parseAmount, serverFieldErrors, useBillingErrorText, useMoney, type BillingOverview } from "./shared";

/** Suggested top-ups, in minor units; those outside the platform's bounds are left out. */
const presets = [1000, 2000, 5000, 10000] as const;

/** Top-up through Stripe Checkout, or — when the platform has no payments set up — who to ask instead. */
export function TopUp({ desk, data }: { desk: string; data: BillingOverview }) {
  const t = useTranslations("billing.topUp");
  const [notConfigured, setNotConfigured] = useState(!data.paymentsConfigured);
  return (
    <section id="top-up" aria-labelledby="top-up-title" className="scroll-mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
      <h2 id="top-up-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      {notConfigured ? (
        <>
          <p className="mt-1 mb-4 max-w-2xl text-sm text-slate-600">{t("descriptionManual")}</p>
          <Alert variant="info" title={t("notConfiguredTitle")}>
            {t("notConfiguredBody")}
          </Alert>
        </>
      ) : (
        <>
          <p className="mt-1 mb-4 max-w-2xl text-sm text-slate-600">{t("description")}</p>
          <TopUpForm desk={desk} data={data} onNotConfigured={() => setNotConfigured(true)} />
        </>
      )}
    </section>
  );
}

function TopUpForm({ desk, data, onNotConfigured }: { desk: string; data: BillingOverview; onNotConfigured: () => void }) {
  const t = useTranslations("billing.topUp");
  const errorText = useBillingErrorText();
  const money = useMoney(data.currency);
  const trpc = useTRPC();
  const topUp = useMutation(trpc.billing.topUp.mutationOptions());
  const ids = useId();
  const { min, max } = data.topUp;
  const offered = presets.filter((amount) => amount >= min && amount <= max);
  const [text, setText] = useState(() => amountText(offered.includes(2000) ? 2000 : (offered[0] ?? min)));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const [leaving, setLeaving] = useState(false);
  const amount = parseAmount(text);
  const range = { min: money(min), max: money(max) };

  const choose = (value: string) => {
    setText(value);
    setFieldError(null);
    setFormError(null);
  };

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (amount === null || amount === 0) return setFieldError(errorText("local.amountFormat") ?? null);
    if (amount < min || amount > max) return setFieldError(errorText("local.topUpRange", range) ?? null);
    setFieldError(null);
    try {
      const { url } = await topUp.mutateAsync({ desk, amount });
      setLeaving(true);
      window.location.assign(url);
    } catch (error) {
      const message = serverMessage(error);
      if (message?.key === "billing.paymentsNotConfigured") return onNotConfigured();
      const key = serverFieldErrors(error).amount;
      if (key) setFieldError((key === "billing.topUpRange" ? errorText("local.topUpRange", range) : errorText(key)) ?? null);
      else setFormError(message);
    }
  }

  const busy = topUp.isPending || leaving;
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-5" aria-label={t("title")}>
      {offered.length > 0 ? (
        <div className="flex flex-col gap-1.5">
          <span id={`${ids}-presets`} className="text-sm leading-5 font-medium text-slate-800">
            {t("presets")}
          </span>
          <div role="group" aria-labelledby={`${ids}-presets`} className="flex flex-wrap gap-2">
            {offered.map((preset) => {
              const chosen = amount === preset;
              return (
                <button
                  key={preset}
                  type="button"
                  aria-pressed={chosen}
                  onClick={() => choose(amountText(preset))}
                  className={cn(
                    "h-10 min-w-24 cursor-pointer rounded-lg border px-4 text-sm font-semibold tabular-nums transition-colors",
                    chosen ? "border-brand-500 bg-brand-50 text-brand-700 ring-1 ring-brand-500" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
                  )}
                >
                  {money(preset)}
                </button>
              );
            })}
          </div>
        </div>
      ) : null}
      <Field label={t("amount")} hint={t("amountHint", range)} error={fieldError} className="max-w-xs">
        <AmountInput currency={data.currency} value={text} onChange={(event) => choose(event.target.value)} />
      </Field>
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
        <Button type="submit" loading={busy} className="sm:self-start">
          {amount !== null && amount > 0 ? t("pay", { amount: money(amount) }) : t("payPlain")}
        </Button>
        <p className="text-sm text-slate-500">{leaving ? t("redirecting") : t("stripeNote")}</p>
      </div>
    </form>
  );
}
