"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { thresholdsForm, type ThresholdsForm } from "@/server/priority/inputs";
import { useTRPC } from "@/trpc/react";

const keys = ["lowAtMost", "highAtLeast", "urgentAtLeast"] as const;
type Key = (typeof keys)[number];
const labels: Record<Key, "low" | "high" | "urgent"> = { lowAtMost: "low", highAtLeast: "high", urgentAtLeast: "urgent" };

/** Where the score turns a ticket low, high or urgent; checked in order (the server's rule) before saving. */
export function PriorityThresholds({ desk, initial, onSaved }: { desk: string; initial: ThresholdsForm; onSaved: (text: string) => Promise<void> }) {
  const t = useTranslations("priority.settings.thresholds");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const save = useMutation(trpc.priority.saveThresholds.mutationOptions());
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const { register, handleSubmit, formState, setError, clearErrors, control } = useForm<ThresholdsForm>({
    resolver: zodResolver(thresholdsForm),
    defaultValues: initial,
  });
  const current = thresholdsForm.safeParse(useWatch({ control }));

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync({ desk, ...values });
      await onSaved(t("saved"));
    } catch (error) {
      setFormError(applyServerError(error, setError, keys));
    }
  });

  return (
    <section aria-labelledby="priority-thresholds" className="rounded-xl border border-slate-200 bg-white p-6">
      <h2 id="priority-thresholds" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("description")}</p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-3">
          {keys.map((key) => (
            <Field key={key} label={t(labels[key])} error={errorText(formState.errors[key]?.message)} required>
              <Input
                type="number"
                inputMode="numeric"
                step={1}
                {...register(key, {
                  valueAsNumber: true,
                  onChange: () => {
                    clearErrors();
                    setFormError(null);
                  },
                })}
              />
            </Field>
          ))}
        </div>
        {current.success ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            {t("summary", {
              low: current.data.lowAtMost,
              normalFrom: current.data.lowAtMost + 1,
              normalTo: current.data.highAtLeast - 1,
              high: current.data.highAtLeast,
              highTo: current.data.urgentAtLeast - 1,
              urgent: current.data.urgentAtLeast,
            })}
          </p>
        ) : null}
        {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
        <div>
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {t("save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
