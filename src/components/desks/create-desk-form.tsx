"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createAnotherDeskInput } from "@/server/desks/inputs";
import { useTRPC } from "@/trpc/react";

export function CreateDeskForm({ origin }: { origin: string }) {
  const t = useTranslations("auth.signUp");
  const tNew = useTranslations("panel.newDesk");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.desk.createAnother.mutationOptions());
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const { register, handleSubmit, formState, setError, control } = useForm<z.infer<typeof createAnotherDeskInput>>({
    resolver: zodResolver(createAnotherDeskInput),
    defaultValues: { businessName: "", slug: "" },
  });
  const slug = useWatch({ control, name: "slug" });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(values);
      router.push(`/d/${created.slug}/setup`);
      router.refresh();
    } catch (error) {
      setFormError(applyServerError(error, setError, ["businessName", "slug"]));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <Field label={t("businessName")} error={errorText(formState.errors.businessName?.message)} required>
        <Input maxLength={maxLengthOf(createAnotherDeskInput.shape.businessName)} autoFocus {...register("businessName")} />
      </Field>
      <Field label={t("slug")} hint={t("slugHint", { url: `${origin}/d/${slug || "…"}` })} error={errorText(formState.errors.slug?.message)} required>
        <Input maxLength={maxLengthOf(createAnotherDeskInput.shape.slug)} spellCheck={false} {...register("slug")} />
      </Field>
      <Button type="submit" size="lg" loading={formState.isSubmitting}>{tNew("submit")}</Button>
    </form>
  );
}
