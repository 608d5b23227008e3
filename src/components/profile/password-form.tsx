"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { maxLengthOf } from "@/components/forms/limits";
import { textInput } from "@/lib/text-input";
import { useErrorText } from "@/components/forms/errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { passwordChangeInput } from "@/server/staff/inputs";
import { useTRPC } from "@/trpc/react";

const MISMATCH = "mismatch";
const schema = passwordChangeInput
  .extend({ confirmPassword: textInput() })
  .refine((v) => v.newPassword === v.confirmPassword, { message: MISMATCH, path: ["confirmPassword"] });

/**
 * Changing the password ends every other session of the person (the server revokes them); this
 * browser stays signed in.
 */
export function PasswordForm({ email }: { email: string }) {
  const t = useTranslations("panel.profile.password");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const [status, setStatus] = useState<{ changed?: boolean }>({});
  const form = useServerForm(schema, { defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" }, fields: ["currentPassword", "newPassword"] });
  const { register, formState } = form;
  const message = (value: string | undefined) => (value === MISMATCH ? t("mismatch") : errorText(value));

  const onSubmit = form.submit(async ({ currentPassword, newPassword }) => {
    setStatus({});
    await change.mutateAsync({ currentPassword, newPassword });
    form.reset();
    setStatus({ changed: true });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label={t("current")} error={message(formState.errors.currentPassword?.message)} required>
        <Input type="password" autoComplete="current-password" maxLength={maxLengthOf(passwordChangeInput.shape.currentPassword)} {...register("currentPassword")} />
      </Field>
      <Field label={t("new")} hint={t("newHint")} error={message(formState.errors.newPassword?.message)} required>
        <Input type="password" autoComplete="new-password" maxLength={maxLengthOf(passwordChangeInput.shape.newPassword)} {...register("newPassword")} />
      </Field>
      <Field label={t("confirm")} error={message(formState.errors.confirmPassword?.message)} required>
        <Input type="password" autoComplete="new-password" maxLength={maxLengthOf(passwordChangeInput.shape.newPassword)} {...register("confirmPassword")} />
      </Field>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={formState.isSubmitting}>
          {t("submit")}
        </Button>
        <span aria-live="polite" className="text-sm text-emerald-700">
          {status.changed ? t("changed") : ""}
        </span>
      </div>
    </form>
  );
}
