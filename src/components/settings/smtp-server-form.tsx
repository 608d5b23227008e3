"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { wholeNumber } from "@/components/forms/limits";
import { serverMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { smtpForm } from "@/server/mail/inputs";
import { useTRPC } from "@/trpc/react";
import type { Sending } from "./sending-mail";

/**
 * How the desk's mail leaves once its own address is proven: through the platform, or the desk's
 * own SMTP server (host, port, TLS, user, password or app password), with "Send test mail".
 */
export function SmtpServerForm({ desk, data }: { desk: string; data: Sending }) {
  const t = useTranslations("mail.sending.smtp");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.mail.saveSmtp.mutationOptions());
  const usePlatform = useMutation(trpc.mail.usePlatformSending.mutationOptions());
  const test = useMutation(trpc.mail.testSmtp.mutationOptions());
  const action = useCallFailure(serverMessage);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.mail.sending.queryKey() });
  const form = useServerForm(smtpForm, {
    defaultValues: { host: data.smtp?.host ?? "", port: data.smtp?.port ?? 587, security: data.smtp?.security ?? "starttls", username: data.smtp?.username ?? "", password: "" },
    fields: ["host", "port", "security", "username", "password"],
  });
  const { register, problem } = form;
  const onSubmit = form.submit(async (values) => {
    setNotice(null);
    await save.mutateAsync({ desk, ...values });
    await refresh();
    setNotice(t("saved"));
  });
  const run = (call: () => Promise<unknown>, done: string) =>
    action.run(async () => {
      setNotice(null);
      try {
        await call();
        setNotice(done);
      } finally {
        await refresh();
      }
    });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4" aria-labelledby="smtp-title">
      <div>
        <h3 id="smtp-title" className="text-sm font-semibold text-slate-900">
          {t("title")}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{data.mode === "smtp" ? t("usingOwn", { host: data.smtp?.host ?? "" }) : t("usingPlatform")}</p>
      </div>
      {data.smtp?.lastError ? <Alert variant="error" title={t("lastError")}>{data.smtp.lastError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_7rem_10rem]">
        <Field label={t("host")} error={problem("host")}>
          <Input maxLength={253} placeholder="smtp.yourcompany.com" autoComplete="off" {...register("host")} />
        </Field>
        <Field label={t("port")} error={problem("port")}>
          <Input inputMode="numeric" maxLength={5} {...register("port", { setValueAs: wholeNumber })} />
        </Field>
        <Field label={t("security")} error={problem("security")}>
          {(control) => (
            <NativeSelect {...control} {...register("security")}>
              <option value="starttls">{t("starttls")}</option>
              <option value="tls">{t("tls")}</option>
              <option value="none">{t("none")}</option>
            </NativeSelect>
          )}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("username")} error={problem("username")}>
          <Input maxLength={254} autoComplete="off" {...register("username")} />
        </Field>
        <Field label={t("password")} hint={data.smtp?.hasPassword ? t("passwordKept") : t("passwordHint")} error={problem("password")}>
          <Input type="password" maxLength={500} autoComplete="new-password" {...register("password")} />
        </Field>
      </div>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      {action.message ? <Alert variant="error">{action.message}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" loading={save.isPending}>
          {t("save")}
        </Button>
        {data.mode === "smtp" ? (
          <>
            <Button type="button" variant="secondary" size="sm" loading={test.isPending} onClick={() => void run(() => test.mutateAsync({ desk }), t("testSent"))}>
              {t("test")}
            </Button>
            <Button type="button" variant="ghost" size="sm" loading={usePlatform.isPending} onClick={() => void run(() => usePlatform.mutateAsync({ desk }), t("platformAgain"))}>
              {t("usePlatform")}
            </Button>
          </>
        ) : null}
        {notice ? (
          <span role="status" className="text-sm text-emerald-700">
            {notice}
          </span>
        ) : null}
      </div>
    </form>
  );
}
