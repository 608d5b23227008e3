"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createAnotherDeskInput } from "@/server/desks/inputs";
import { useTRPC } from "@/trpc/react";

export function CreateDeskForm({ origin }: { origin: string }) {
  const t = useTranslations("auth.signUp");
  const tNew = useTranslations("panel.newDesk");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.desk.createAnother.mutationOptions());
  const form = useServerForm(createAnotherDeskInput, { defaultValues: { businessName: "", slug: "" }, fields: ["businessName", "slug"] });
  const slug = useWatch({ control: form.control, name: "slug" });
  const onSubmit = form.submit(async (values) => {
    const created = await create.mutateAsync(values);
    router.push(`/d/${created.slug}/setup`);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("businessName")} error={form.problem("businessName")} required>
        <Input maxLength={maxLengthOf(createAnotherDeskInput.shape.businessName)} autoFocus {...form.register("businessName")} />
      </Field>
      <Field label={t("slug")} hint={t("slugHint", { url: `${origin}/d/${slug || "…"}` })} error={form.problem("slug")} required>
        <Input maxLength={maxLengthOf(createAnotherDeskInput.shape.slug)} spellCheck={false} {...form.register("slug")} />
      </Field>
      <Button type="submit" size="lg" loading={form.formState.isSubmitting}>{tNew("submit")}</Button>
    </form>
  );
}
