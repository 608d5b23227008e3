"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callError, useErrorText } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox";
import { useTRPC } from "@/trpc/react";

/** Settings → Security (owners): whether everyone on the desk must sign in with a second factor. */
export function DeskSecurity({ desk, required: initial }: { desk: string; required: boolean }) {
  const t = useTranslations("panel.settings.security");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const [required, setRequired] = useState(initial);
  const save = useMutation(
    trpc.desk.setRequireTwoFactor.mutationOptions({
      onSuccess: (_, input) => {
        setRequired(input.required);
        router.refresh();
      },
    }),
  );
  const failure = save.error ? callError(save.error) : null;
  return (
    <div className="flex flex-col gap-3">
      <CheckboxField
        label={t("requireTwoFactor")}
        description={t("requireTwoFactorHint")}
        checked={required}
        disabled={save.isPending}
        onCheckedChange={(checked) => save.mutate({ desk, required: checked === true })}
      />
      {failure ? (
        <Alert variant="error" action={failure.key === "twoFactor.ownerFirst" ? <Link href="/account/security" className="font-medium underline">{t("openSecurity")}</Link> : undefined}>
          {errorText(failure)}
        </Alert>
      ) : null}
      <span aria-live="polite" className="text-sm text-emerald-700">{save.isSuccess ? t("saved") : ""}</span>
    </div>
  );
}
