"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { AmountInput } from "@/components/billing/amount-input";
import { amountText, parseAmount, useBillingErrorText, useMoney } from "@/components/billing/shared";
import { NoticeSlot } from "@/components/billing/notice-slot";
import { applyServerError, type ErrorMessage } from "@/components/forms/errors";
import { StaffSection } from "@/components/staff/section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { textInput } from "@/lib/text-input";
import { inTopUpOrder, largestAmount, platformSettingsFields } from "@/server/billing/inputs";
import { useTRPC } from "@/trpc/react";

/** What the server uses while a setting has never been saved (src/server/billing: platformSetting's fallbacks). */
const defaults = { trial_credit: 2000, topup_min: 500, topup_max: 100_000 } as const;

type Values = { trialCredit: string; topUpMin: string; topUpMax: string };

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

// The server's rules for each amount, typed in major units ("20.00").
const typedAmount = (rule: z.ZodType<number, number>) => textInput().transform((text) => parseAmount(text) ?? Number.NaN).pipe(rule);
const schema = inTopUpOrder(
  z.object({
    trialCredit: typedAmount(platformSettingsFields.trialCredit),
    topUpMin: typedAmount(platformSettingsFields.topUpMin),
    topUpMax: typedAmount(platformSettingsFields.topUpMax),
  }),
);
const fields = ["trialCredit", "topUpMin", "topUpMax"] as const;

function SettingsForm({ initial, currency, onSaved, onEdit }: { initial: Values; currency: string; onSaved: () => void; onEdit: () => void }) {
  const t = useTranslations("billing.platform.settings");
  const errorText = useBillingErrorText();
  const money = useMoney(currency);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.platform.updateSettings.mutationOptions());
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: initial });
  // The schema's keys, in the words this page has for amounts (the largest one named).
  const problem = (field: (typeof fields)[number]) => {
    const error = formState.errors[field];
    if (!error?.message) return undefined;
    if (error.type === "too_big") return errorText("local.amountMax", { max: money(largestAmount) });
    return errorText(error.message === "billing.amountInvalid" ? "local.amountFormat" : error.message);
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await update.mutateAsync(values);
      onSaved();
      await queryClient.invalidateQueries({ queryKey: trpc.platform.plans.queryKey() });
    } catch (error) {
      setFormError(applyServerError(error, setError, fields));
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t("title")} className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
      <div className="grid gap-5 md:grid-cols-3">
        {fields.map((field) => (
          <Field key={field} label={t(field)} hint={t(`${field}Hint`)} error={problem(field)}>
            <AmountInput currency={currency} {...register(field, { onChange: onEdit })} />
          </Field>
        ))}
      </div>
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" loading={update.isPending} disabled={!formState.isDirty && !update.isPending}>
          {t("save")}
        </Button>
        {formState.isDirty ? (
          <Button type="button" variant="ghost" onClick={() => reset(initial)}>
            {t("reset")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
