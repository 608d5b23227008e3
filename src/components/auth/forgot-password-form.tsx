"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { forgotPasswordInput } from "@/server/auth/inputs";
import { useTRPC } from "@/trpc/react";

/** "Forgot your password?": the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ initialEmail }: { initialEmail: string }) {
  const t = useTranslations("auth.forgot");
  const trpc = useTRPC();
  const send = useMutation(trpc.account.forgotPassword.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useServerForm(forgotPasswordInput, { defaultValues: { email: initialEmail }, fields: ["email"] });

  const onSubmit = form.submit(async ({ email }) => {
    await send.mutateAsync({ email });
    setSentTo(email);
  });

  if (sentTo) return <Alert variant="success">{t("sent", { email: sentTo })}</Alert>;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("email")} error={form.problem("email")}>
        <Input type="email" autoComplete="email" autoFocus maxLength={254} {...form.register("email")} />
      </Field>
      <Button type="submit" size="lg" loading={form.formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
