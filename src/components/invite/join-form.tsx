"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import { password, personName } from "@/server/kernel/inputs";

const schema = z.object({ name: personName, password });
type FormInput = z.input<typeof schema>;
type FormOutput = z.output<typeof schema>;

/** For someone new to Deskhand: their name and a password create the account and join the desk. */
export function JoinForm({ token, email, name, deskName }: { token: string; email: string; name: string; deskName: string }) {
  const t = useTranslations("staff.invitePage.join");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.acceptAsNewPerson.mutationOptions());
  const [formError, setFormError] = useState<ErrorMessage>(null);
  // Stays busy from the moment the account exists until the panel opens.
  const [joined, setJoined] = useState(false);
  const { register, handleSubmit, formState, setError } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: { name, password: "" },
    mode: "onTouched",
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    let deskSlug: string;
    try {
      ({ deskSlug } = await accept.mutateAsync({ token, ...values }));
    } catch (error) {
      setFormError(applyServerError(error, setError, ["name", "password"]));
      return;
    }
    setJoined(true);
    try {
      const result = await signIn("credentials", { email, password: values.password, redirect: false });
      if (!result || result.error) {
        router.push(`/signin?callbackUrl=${encodeURIComponent(`/d/${deskSlug}`)}`);
        return;
      }
    } catch {
      router.push(`/signin?callbackUrl=${encodeURIComponent(`/d/${deskSlug}`)}`);
      return;
    }
    router.push(`/d/${deskSlug}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      {/* For password managers: the account being created is this address. */}
      <input type="email" name="username" value={email} readOnly hidden autoComplete="username" />
      <Field label={t("name")} error={errorText(formState.errors.name?.message)} required>
        <Input autoComplete="name" maxLength={maxLengthOf(personName)} {...register("name")} />
      </Field>
      <Field label={t("password")} error={errorText(formState.errors.password?.message)} hint={t("passwordHint")} required>
        <Input type="password" autoComplete="new-password" autoFocus maxLength={maxLengthOf(password)} {...register("password")} />
      </Field>
      <Button type="submit" size="lg" loading={formState.isSubmitting || joined} className="mt-2">
        {t("submit", { desk: deskName })}
      </Button>
    </form>
  );
}
