"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError, fieldError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";

type Thresholds = { lowAtMost: number; highAtLeast: number; urgentAtLeast: number };
const keys = ["lowAtMost", "highAtLeast", "urgentAtLeast"] as const;
type Key = (typeof keys)[number];
const labels: Record<Key, "low" | "high" | "urgent"> = { lowAtMost: "low", highAtLeast: "high", urgentAtLeast: "urgent" };

const whole = (text: string) => (/^-?\d{1,5}$/.test(text.trim()) ? Number(text) : null);

/** Where the score turns a ticket low, high or urgent; checked in order before saving. */
export function PriorityThresholds({ desk, initial, onSaved }: { desk: string; initial: Thresholds; onSaved: (text: string) => Promise<void> }) {
  const t = useTranslations("priority.settings.thresholds");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const save = useMutation(trpc.priority.saveThresholds.mutationOptions());
  const [values, setValues] = useState<Record<Key, string>>({ lowAtMost: String(initial.lowAtMost), highAtLeast: String(initial.highAtLeast), urgentAtLeast: String(initial.urgentAtLeast) });
  const [errors, setErrors] = useState<Partial<Record<Key, string>> & { form?: ErrorMessage }>({});

  const numbers = { lowAtMost: whole(values.lowAtMost), highAtLeast: whole(values.highAtLeast), urgentAtLeast: whole(values.urgentAtLeast) };
  const complete = numbers.lowAtMost !== null && numbers.highAtLeast !== null && numbers.urgentAtLeast !== null;
  const ordered = complete && numbers.lowAtMost! < numbers.highAtLeast! && numbers.highAtLeast! < numbers.urgentAtLeast!;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Key, string>> = {};
    for (const key of keys) if (numbers[key] === null) found[key] = "priorityThresholds.invalid";
    if (complete && numbers.lowAtMost! >= numbers.highAtLeast!) found.highAtLeast = "priorityThresholds.highAboveLow";
    else if (complete && numbers.highAtLeast! >= numbers.urgentAtLeast!) found.urgentAtLeast = "priorityThresholds.urgentAboveHigh";
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    try {
      await save.mutateAsync({ desk, lowAtMost: numbers.lowAtMost!, highAtLeast: numbers.highAtLeast!, urgentAtLeast: numbers.urgentAtLeast! });
      setErrors({});
      await onSaved(t("saved"));
    } catch (error) {
      const named = Object.fromEntries(keys.map((key) => [key, fieldError(error, key)]).filter(([, v]) => v));
      setErrors(Object.keys(named).length ? named : { form: callError(error) });
    }
  }

  return (
    <section aria-labelledby="priority-thresholds" className="rounded-xl border border-slate-200 bg-white p-6">
      <h2 id="priority-thresholds" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("description")}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-3">
          {keys.map((key) => (
            <Field key={key} label={t(labels[key])} error={errorText(errors[key])} required>
              <Input
                type="number"
                inputMode="numeric"
                step={1}
                value={values[key]}
                onChange={(e) => {
                  setValues((v) => ({ ...v, [key]: e.target.value }));
                  setErrors({});
                }}
              />
            </Field>
          ))}
        </div>
        {ordered ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            {t("summary", {
              low: numbers.lowAtMost!,
              normalFrom: numbers.lowAtMost! + 1,
              normalTo: numbers.highAtLeast! - 1,
              high: numbers.highAtLeast!,
              highTo: numbers.urgentAtLeast! - 1,
              urgent: numbers.urgentAtLeast!,
            })}
          </p>
        ) : null}
        {errors.form ? <Alert variant="error">{errorText(errors.form)}</Alert> : null}
        <div>
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {t("save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
