"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AmountInput } from "@/components/billing/amount-input";
import { amountText, parseAmount, serverFieldErrors, useBillingErrorText, useMoney } from "@/components/billing/shared";
import { NoticeSlot } from "@/components/billing/notice-slot";
import { serverMessage, type ErrorMessage } from "@/components/forms/errors";
import { StaffSection } from "@/components/staff/section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { largestAmount } from "@/server/billing/inputs";
import { useTRPC } from "@/trpc/react";

/** What the server uses while a setting has never been saved (src/server/billing: platformSetting's fallbacks). */
const defaults = { trial_credit: 2000, topup_min: 500, topup_max: 100_000 } as const;
const MAX_AMOUNT = largestAmount;

type SettingKey = "trialCredit" | "topUpMin" | "topUpMax";
type Values = Record<SettingKey, string>;

/** The trial credit new desks receive and the bounds of a top-up. */
export function PlatformSettingsForm({ currency }: { currency: string }) {
  const t = useTranslations("billing.platform.settings");
  const trpc = useTRPC();
  const plans = useQuery(trpc.platform.plans.queryOptions());
  const [notice, setNotice] = useState<{ variant: "success"; text: string } | null>(null);

  const content = (
    <QueryState
      query={plans}
      loading={<ListSkeleton rows={2} className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6" row={(i) => <Skeleton className={i ? "h-9 w-32" : "h-9 w-full max-w-xl"} />} />}
      errorMessage={t("loadFailed")}
    >
      {({ settings }) => {
        const initial: Values = {
          trialCredit: amountText(settings.trial_credit ?? defaults.trial_credit),
          topUpMin: amountText(settings.topup_min ?? defaults.topup_min),
          topUpMax: amountText(settings.topup_max ?? defaults.topup_max),
        };
        // Saved values come back through the query; the form starts again from them.
        return <SettingsForm key={JSON.stringify(initial)} initial={initial} currency={currency} onSaved={() => setNotice({ variant: "success", text: t("saved") })} onEdit={() => setNotice(null)} />;
      }}
    </QueryState>
  );
  return (
    <StaffSection title={t("title")} description={t("description")}>
      <NoticeSlot notice={notice} onClose={() => setNotice(null)} />
      {content}
    </StaffSection>
  );
}

function SettingsForm({ initial, currency, onSaved, onEdit }: { initial: Values; currency: string; onSaved: () => void; onEdit: () => void }) {
  const t = useTranslations("billing.platform.settings");
  const errorText = useBillingErrorText();
  const money = useMoney(currency);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.platform.updateSettings.mutationOptions());
  const [values, setValues] = useState<Values>(initial);
  const [problems, setProblems] = useState<Partial<Record<SettingKey, string>>>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const dirty = (Object.keys(values) as SettingKey[]).some((field) => values[field] !== initial[field]);

  const set = (field: SettingKey, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    onEdit();
  };

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = { trialCredit: parseAmount(values.trialCredit), topUpMin: parseAmount(values.topUpMin), topUpMax: parseAmount(values.topUpMax) };
    const found: Partial<Record<SettingKey, string>> = {};
    for (const field of ["trialCredit", "topUpMin", "topUpMax"] as const) {
      const amount = parsed[field];
      if (amount === null || (field !== "trialCredit" && amount === 0)) found[field] = errorText("local.amountFormat");
      else if (amount > MAX_AMOUNT) found[field] = errorText("local.amountMax", { max: money(MAX_AMOUNT) });
    }
    if (!found.topUpMin && !found.topUpMax && parsed.topUpMin! > parsed.topUpMax!) found.topUpMin = errorText("billing.topUpBounds");
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    try {
      await update.mutateAsync({ trialCredit: parsed.trialCredit!, topUpMin: parsed.topUpMin!, topUpMax: parsed.topUpMax! });
      onSaved();
      await queryClient.invalidateQueries({ queryKey: trpc.platform.plans.queryKey() });
    } catch (error) {
      const fields = serverFieldErrors(error);
      const placed: Partial<Record<SettingKey, string>> = {};
      for (const field of ["trialCredit", "topUpMin", "topUpMax"] as const) if (fields[field]) placed[field] = errorText(fields[field]);
      setProblems(placed);
      if (Object.keys(placed).length === 0) setFormError(serverMessage(error));
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t("title")} className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
      <div className="grid gap-5 md:grid-cols-3">
        <Field label={t("trialCredit")} hint={t("trialCreditHint")} error={problems.trialCredit}>
          <AmountInput currency={currency} value={values.trialCredit} onChange={(event) => set("trialCredit", event.target.value)} />
        </Field>
        <Field label={t("topUpMin")} hint={t("topUpMinHint")} error={problems.topUpMin}>
          <AmountInput currency={currency} value={values.topUpMin} onChange={(event) => set("topUpMin", event.target.value)} />
        </Field>
        <Field label={t("topUpMax")} hint={t("topUpMaxHint")} error={problems.topUpMax}>
          <AmountInput currency={currency} value={values.topUpMax} onChange={(event) => set("topUpMax", event.target.value)} />
        </Field>
      </div>
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" loading={update.isPending} disabled={!dirty && !update.isPending}>
          {t("save")}
        </Button>
        {dirty ? (
          <Button type="button" variant="ghost" onClick={() => setValues(initial)}>
            {t("reset")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
