"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, useErrorText } from "@/components/forms/errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { csatTarget } from "@/server/reports/inputs";
import { useTRPC } from "@/trpc/react";

/** The desk's satisfaction target, in per cent (owners and admins). */
export function CsatTargetForm({ desk, target }: { desk: string; target: number }) {
  const t = useTranslations("reports.target");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(Math.round(target * 10) / 10));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.reports.setCsatTarget.mutationOptions());

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = csatTarget.safeParse(value.trim() === "" ? Number.NaN : Number(value.replace(",", ".")));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "reports.targetInvalid");
      return;
    }
    setError(null);
    save.mutate(
      { desk, target: parsed.data },
      {
        onSuccess: async () => {
          setSaved(true);
          await queryClient.invalidateQueries({ queryKey: trpc.reports.satisfaction.pathKey() });
        },
        onError: (failure) => {
          const message = applyServerError(failure, () => {}, []);
          setError(message?.key ?? "reports.targetInvalid");
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="flex shrink-0 items-end gap-2" aria-label={t("label")}>
      <Field label={t("label")} hint={saved ? t("saved") : t("hint")} error={error ? errorText(error) : undefined} className="w-48">
        <Input inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} data-testid="csat-target" />
      </Field>
      <Button type="submit" variant="secondary" size="sm" disabled={save.isPending} className="mb-6">
        {t("save")}
      </Button>
    </form>
  );
}
