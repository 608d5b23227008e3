"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { deskProfileInput } from "@/server/desks/inputs";
import { useTRPC } from "@/trpc/react";
import { DeskProfileFields, type DeskProfileValues } from "./desk-profile-fields";

export function GeneralSettingsForm({ desk, initial }: { desk: string; initial: DeskProfileValues }) {
  const t = useTranslations("panel.settings");
  const router = useRouter();
  const trpc = useTRPC();
  const update = useMutation(trpc.desk.updateProfile.mutationOptions());
  const [saved, setSaved] = useState(false);
  const form = useServerForm(deskProfileInput, { defaultValues: initial, fields: ["displayName", "locale", "timeZone"] });
  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    await update.mutateAsync({ desk, ...values });
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <DeskProfileFields register={form.register} errors={form.formState.errors} />
      <div className="flex items-center gap-3">
        <Button type="submit" loading={form.formState.isSubmitting}>{t("save")}</Button>
        <span aria-live="polite" className="text-sm text-emerald-700">{saved ? t("saved") : ""}</span>
      </div>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
    </form>
  );
}
