"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import { codeStepPath, signInWithTicket } from "@/components/auth/ticket";
import { password, personName } from "@/server/kernel/inputs";

const schema = z.object({ name: personName, password });

/** For someone new to Deskhand: their name and a password create the account and join the desk. */
export function JoinForm({ token, email, name, deskName }: { token: string; email: string; name: string; deskName: string }) {
  const t = useTranslations("staff.invitePage.join");
  const router = useRouter();
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.acceptAsNewPerson.mutationOptions());
  const signIn = useMutation(trpc.account.signIn.mutationOptions());
  // Stays busy from the moment the account exists until the panel opens.
  const [joined, setJoined] = useState(false);
  const form = useServerForm(schema, { defaultValues: { name, password: "" }, mode: "onTouched", fields: ["name", "password"] });

  const onSubmit = form.submit(async (values) => {
    const { deskSlug } = await accept.mutateAsync({ token, ...values });
    setJoined(true);
    // Signs in with the new password, the way the sign-in page does; anything unexpected ends there.
    const panel = `/d/${deskSlug}`;
    const outcome = await signIn.mutateAsync({ email, password: values.password }).catch(() => null);
    if (outcome?.step === "code") {
      router.push(codeStepPath(outcome.ticket, panel));
      return;
    }
    if (outcome?.step !== "signIn" || !(await signInWithTicket(outcome.ticket).catch(() => false))) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(panel)}`);
      return;
    }
    router.push(panel);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      {/* For password managers: the account being created is this address. */}
      <input type="email" name="username" value={email} readOnly hidden autoComplete="username" />
      <Field label={t("name")} error={form.problem("name")} required>
        <Input autoComplete="name" maxLength={maxLengthOf(personName)} {...form.register("name")} />
      </Field>
      <Field label={t("password")} error={form.problem("password")} hint={t("passwordHint")} required>
        <Input type="password" autoComplete="new-password" autoFocus maxLength={maxLengthOf(password)} {...form.register("password")} />
      </Field>
      <Button type="submit" size="lg" loading={form.formState.isSubmitting || joined} className="mt-2">
        {t("submit", { desk: deskName })}
      </Button>
    </form>
  );
}
