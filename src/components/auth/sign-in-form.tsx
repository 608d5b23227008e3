"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { secondFactorCode, signInInput } from "@/server/auth/inputs";
import { useTRPC } from "@/trpc/react";
import { signInWithTicket } from "./ticket";

const codeForm = z.strictObject({ code: secondFactorCode });

type Props = {
  callbackPath: string;
  /** The second step already (after a confirmation link, a reset or the company sign-in). */
  codeTicket: string | null;
  /** The company sign-in (OpenID Connect) when the platform offers one: its button's name. */
  provider: string | null;
  /** Why an earlier attempt came back here ("provider": the company account was refused). */
  error: string | null;
};

/**
 * Signing in, in up to two steps: the password (checked by account.signIn, which never says
 * whether the address exists), then for people with two-factor sign-in a code. Each step's
 * answer is a single-use ticket; only the last one becomes a session (Auth.js provider "ticket").
 */
export function SignInForm({ callbackPath, codeTicket, provider, error }: Props) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const [ticket, setTicket] = useState<string | null>(codeTicket);
  const [notice, setNotice] = useState<string | null>(error === "provider" ? t("providerRefused") : null);

  async function finish(next: string) {
    if (!(await signInWithTicket(next))) throw new Error("the sign-in ticket was refused");
    router.push(callbackPath);
    router.refresh();
  }

  const startOver = (message: string | null) => {
    setTicket(null);
    setNotice(message);
  };

  return (
    <div className="flex flex-col gap-4">
      {notice ? <Alert variant="info">{notice}</Alert> : null}
      {ticket ? (
        <CodeStep ticket={ticket} finish={finish} startOver={startOver} />
      ) : (
        <PasswordStep
          finish={finish}
          onCode={(next) => {
            setNotice(null);
            setTicket(next);
          }}
          onConfirm={() => setNotice(t("confirmSent"))}
        />
      )}
      {provider && !ticket ? (
        <>
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" />
            {t("or")}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button type="button" variant="secondary" size="lg" onClick={() => void signIn("oidc", { redirectTo: callbackPath })}>
            {t("provider", { name: provider })}
          </Button>
        </>
      ) : null}
    </div>
  );
}

function PasswordStep({ finish, onCode, onConfirm }: { finish: (ticket: string) => Promise<void>; onCode: (ticket: string) => void; onConfirm: () => void }) {
  const t = useTranslations("auth.signIn");
  const trpc = useTRPC();
  const check = useMutation(trpc.account.signIn.mutationOptions());
  const form = useServerForm(signInInput, { defaultValues: { email: "", password: "" }, fields: ["email", "password"] });
  const { register, formState } = form;

  const onSubmit = form.submit(async (values) => {
    const outcome = await check.mutateAsync(values);
    if (outcome.step === "wrong") {
      form.setValue("password", "");
      form.setFailure({ key: "signIn.invalid" });
    } else if (outcome.step === "confirm") {
      onConfirm();
    } else if (outcome.step === "code") {
      onCode(outcome.ticket);
    } else {
      await finish(outcome.ticket).catch(() => form.setFailure({ key: "generic" }));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("email")} error={form.problem("email")}>
        <Input type="email" autoComplete="email" autoFocus maxLength={254} {...register("email")} />
      </Field>
      <Field label={t("password")} error={form.problem("password")}>
        <Input type="password" autoComplete="current-password" maxLength={maxLengthOf(signInInput.shape.password)} {...register("password")} />
      </Field>
      <div className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-600 hover:text-brand-700">
          {t("forgot")}
        </Link>
      </div>
      <Button type="submit" size="lg" loading={formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}

function CodeStep({ ticket, finish, startOver }: { ticket: string; finish: (ticket: string) => Promise<void>; startOver: (message: string | null) => void }) {
  const t = useTranslations("auth.signIn");
  const trpc = useTRPC();
  const check = useMutation(trpc.account.signInCode.mutationOptions());
  const form = useServerForm(codeForm, { defaultValues: { code: "" }, fields: ["code"] });
  const { register, formState } = form;

  const onSubmit = form.submit(async ({ code }) => {
    try {
      const next = await check.mutateAsync({ ticket, code });
      await finish(next.ticket);
    } catch (error) {
      // The password step's ticket ran out: begin again, saying why.
      if (error instanceof TRPCClientError && (error.data as { messageKey?: string } | undefined)?.messageKey === "signIn.codeExpired") {
        startOver(t("failed"));
        return;
      }
      form.setValue("code", "");
      throw error;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="sign-in-code-title">
      <div>
        <h2 id="sign-in-code-title" className="text-lg font-semibold text-slate-900">{t("codeTitle")}</h2>
        <p className="text-sm text-slate-600">{t("codeSubtitle")}</p>
      </div>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("code")} hint={t("codeHint")} error={form.problem("code")}>
        <Input autoComplete="one-time-code" inputMode="text" autoFocus spellCheck={false} maxLength={20} {...register("code")} />
      </Field>
      <Button type="submit" size="lg" loading={formState.isSubmitting}>
        {t("codeSubmit")}
      </Button>
      <button type="button" className="text-sm font-medium text-brand-600 hover:text-brand-700" onClick={() => startOver(null)}>
        {t("startOver")}
      </button>
    </form>
  );
}
