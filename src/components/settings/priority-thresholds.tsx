"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CardSection } from "@/components/ui/section-heading";
import { thresholdsForm, type ThresholdsForm } from "@/server/priority/inputs";
import { useTRPC } from "@/trpc/react";

const keys = ["lowAtMost", "highAtLeast", "urgentAtLeast"] as const;
type Key = (typeof keys)[number];
const labels: Record<Key, "low" | "high" | "urgent"> = { lowAtMost: "low", highAtLeast: "high", urgentAtLeast: "urgent" };

/** Where the score turns a ticket low, high or urgent; checked in order (the server's rule) before saving. */
export function PriorityThresholds({ desk, initial, onSaved }: { desk: string; initial: ThresholdsForm; onSaved: (text: string) => Promise<void> }) {
  const t = useTranslations("priority.settings.thresholds");
  const trpc = useTRPC();
  const save = useMutation(trpc.priority.saveThresholds.mutationOptions());
  const form = useServerForm(thresholdsForm, { defaultValues: initial, fields: keys });
  const current = thresholdsForm.safeParse(useWatch({ control: form.control }));

  const onSubmit = form.submit(async (values) => {
    await save.mutateAsync({ desk, ...values });
    await onSaved(t("saved"));
  });

  return (
    <CardSection id="priority-thresholds" title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-3">
          {keys.map((key) => (
            <Field key={key} label={t(labels[key])} error={form.problem(key)} required>
              <Input
                type="number"
                inputMode="numeric"
                step={1}
                {...form.register(key, {
                  valueAsNumber: true,
                  onChange: () => {
                    form.clearErrors();
                    form.setFailure(null);
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
        {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
        <div>
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {t("save")}
          </Button>
        </div>
      </form>
    </CardSection>
  );
}
