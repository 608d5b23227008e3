"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerError, useErrorText } from "@/components/forms/errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { textInput } from "@/lib/text-input";
import { csatTarget } from "@/server/reports/inputs";
import { useTRPC } from "@/trpc/react";

// The server's target rule; typed with a comma or a point.
const schema = z.object({
  target: textInput()
    .transform((text) => (text.trim() === "" ? Number.NaN : Number(text.replace(",", "."))))
    .pipe(csatTarget),
});

/** The desk's satisfaction target, in per cent (owners and admins). */
export function CsatTargetForm({ desk, target }: { desk: string; target: number }) {
  const t = useTranslations("reports.target");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.reports.setCsatTarget.mutationOptions());
  const { register, handleSubmit, formState, setError } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { target: String(Math.round(target * 10) / 10) },
  });

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    try {
      await save.mutateAsync({ desk, ...values });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: trpc.reports.satisfaction.pathKey() });
    } catch (failure) {
      const message = applyServerError(failure, setError, ["target"]);
      if (message) setError("target", { message: message.key });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex shrink-0 items-end gap-2" aria-label={t("label")}>
      <Field label={t("label")} hint={saved ? t("saved") : t("hint")} error={errorText(formState.errors.target?.message)} className="w-48">
        <Input inputMode="decimal" {...register("target", { onChange: () => setSaved(false) })} data-testid="csat-target" />
      </Field>
      <Button type="submit" variant="secondary" size="sm" disabled={save.isPending} className="mb-6">
        {t("save")}
      </Button>
    </form>
  );
}
