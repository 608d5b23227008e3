"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { textInput } from "@/lib/text-input";
import { resetPasswordInput } from "@/server/auth/inputs";
import { useTRPC } from "@/trpc/react";
import { codeStepPath, signInWithTicket } from "./ticket";

const MISMATCH = "mismatch";
const schema = resetPasswordInput
  .extend({ confirmPassword: textInput() })
  .refine((v) => v.password === v.confirmPassword, { message: MISMATCH, path: ["confirmPassword"] });

/**
 * A new password from the mailed link. The person then continues signed in (through their code
 * first when they have two-factor sign-in): they have just proven they read the address's mail.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const router = useRouter();
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const form = useServerForm(schema, { defaultValues: { token, password: "", confirmPassword: "" }, fields: ["password"] });
  const { register, formState } = form;
  const message = (field: "password" | "confirmPassword") => {
    const raw = formState.errors[field]?.message;
    return raw === MISMATCH ? t("mismatch") : form.problem(field);
  };

  const onSubmit = form.submit(async ({ password }) => {
    const next = await reset.mutateAsync({ token, password });
    if (next.step === "code") {
      router.push(codeStepPath(next.ticket));
      return;
    }
    router.push((await signInWithTicket(next.ticket).catch(() => false)) ? "/d" : "/signin?callbackUrl=%2Fd");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("password")} hint={t("passwordHint")} error={message("password")} required>
        <Input type="password" autoComplete="new-password" autoFocus maxLength={maxLengthOf(resetPasswordInput.shape.password)} {...register("password")} />
      </Field>
      <Field label={t("confirm")} error={message("confirmPassword")} required>
        <Input type="password" autoComplete="new-password" maxLength={maxLengthOf(resetPasswordInput.shape.password)} {...register("confirmPassword")} />
      </Field>
      <Button type="submit" size="lg" loading={formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
