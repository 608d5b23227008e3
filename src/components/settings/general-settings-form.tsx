"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { deskProfileInput } from "@/server/desks/inputs";
import { useTRPC } from "@/trpc/react";
import { DeskProfileFields, type DeskProfileValues } from "./desk-profile-fields";

export function GeneralSettingsForm({ desk, initial }: { desk: string; initial: DeskProfileValues }) {
  const t = useTranslations("panel.settings");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const update = useMutation(trpc.desk.updateProfile.mutationOptions());
  const [status, setStatus] = useState<{ saved?: boolean; error?: ErrorMessage }>({});
  const { register, handleSubmit, formState, setError } = useForm<DeskProfileValues>({
    resolver: zodResolver(deskProfileInput),
    defaultValues: initial,
  });
  const onSubmit = handleSubmit(async (values) => {
    setStatus({});
    try {
      await update.mutateAsync({ desk, ...values });
      setStatus({ saved: true });
      router.refresh();
    } catch (error) {
      setStatus({ error: applyServerError(error, setError, ["displayName", "locale", "timeZone"]) });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <DeskProfileFields register={register} errors={formState.errors} />
      <div className="flex items-center gap-3">
        <Button type="submit" loading={formState.isSubmitting}>{t("save")}</Button>
        <span aria-live="polite" className="text-sm text-emerald-700">{status.saved ? t("saved") : ""}</span>
      </div>
      {status.error ? <Alert variant="error">{errorText(status.error)}</Alert> : null}
    </form>
  );
}
