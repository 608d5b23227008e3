"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { callError, useErrorText } from "@/components/forms/errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { disableTwoFactorInput, enrolmentCodeInput, renewCodesInput } from "@/server/auth/inputs";
import { useTRPC } from "@/trpc/react";

type State = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number };
type Enrolment = { secret: string; uri: string; qrSvg: string };
type Mode = { kind: "idle" } | { kind: "enrol"; enrolment: Enrolment } | { kind: "codes"; codes: string[] } | { kind: "disable" } | { kind: "renew" };

/** Profile → Security: turning two-factor sign-in on (QR, code, recovery codes) and off. */
export function TwoFactorSection({ state, email, onChanged }: { state: State; email: string; onChanged: () => void }) {
  const t = useTranslations("auth.security.twoFactor");
  const format = useFormatter();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const begin = useMutation(trpc.account.beginTwoFactor.mutationOptions({ onSuccess: (enrolment) => setMode({ kind: "enrol", enrolment }) }));
  const idle = () => setMode({ kind: "idle" });

  return (
    <section aria-labelledby="security-two-factor" className="rounded-xl border border-slate-200 bg-white p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="security-two-factor" className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <Badge variant={state.enabled ? "success" : "neutral"} dot>
          {state.enabled && state.enabledAt ? t("on", { date: format.dateTime(state.enabledAt, { dateStyle: "medium" }) }) : t("off")}
        </Badge>
      </div>
      <p className="mb-4 text-sm text-slate-600">{t("description")}</p>
      {mode.kind === "codes" ? (
        <RecoveryCodes codes={mode.codes} email={email} onDone={idle} />
      ) : mode.kind === "enrol" ? (
        <Enrol enrolment={mode.enrolment} onCancel={idle} onConfirmed={(codes) => { setMode({ kind: "codes", codes }); onChanged(); }} />
      ) : mode.kind === "disable" ? (
        <Disable onCancel={idle} onDone={() => { idle(); onChanged(); }} />
      ) : mode.kind === "renew" ? (
        <Renew onCancel={idle} onRenewed={(codes) => { setMode({ kind: "codes", codes }); onChanged(); }} />
      ) : state.enabled ? (
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-slate-600">{t("codesLeft", { count: state.recoveryCodesLeft })}</span>
          <Button type="button" variant="secondary" onClick={() => setMode({ kind: "renew" })}>{t("renew")}</Button>
          <Button type="button" variant="danger" onClick={() => setMode({ kind: "disable" })}>{t("disable")}</Button>
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          {begin.isError ? <Alert variant="error">{errorText(callError(begin.error))}</Alert> : null}
          <div>
            <Button type="button" loading={begin.isPending} onClick={() => begin.mutate()}>{t("start")}</Button>
          </div>
        </div>
      )}
    </section>
  );
}

function Enrol({ enrolment, onCancel, onConfirmed }: { enrolment: Enrolment; onCancel: () => void; onConfirmed: (codes: string[]) => void }) {
  const t = useTranslations("auth.security.twoFactor");
  const trpc = useTRPC();
  const confirm = useMutation(trpc.account.confirmTwoFactor.mutationOptions());
  const form = useServerForm(enrolmentCodeInput, { defaultValues: { code: "" }, fields: ["code"] });
  const onSubmit = form.submit(async (values) => {
    const { recoveryCodes } = await confirm.mutateAsync(values);
    onConfirmed(recoveryCodes);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a QR code made by the server, inline */}
      <img src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t("qrAlt")} width={192} height={192} className="rounded-lg border border-slate-200" />
      <p className="text-sm text-slate-700">
        {t("manual")} <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm break-all select-all">{enrolment.secret}</code>
      </p>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("code")} error={form.problem("code")}>
        <Input autoComplete="one-time-code" inputMode="numeric" autoFocus maxLength={6} className="max-w-40" {...form.register("code")} />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" loading={form.formState.isSubmitting}>{t("confirm")}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t("cancel")}</Button>
      </div>
    </form>
  );
}

function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const t = useTranslations("auth.security.twoFactor");
  const download = () => {
    const text = `${t("fileHeader", { email })}\n\n${codes.join("\n")}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "deskhand-recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="flex flex-col gap-4">
      <h3 className="font-semibold text-slate-900">{t("codesTitle")}</h3>
      <Alert variant="warning">{t("codesNote")}</Alert>
      <ul aria-label={t("codesTitle")} className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm sm:grid-cols-3">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex gap-3">
        <Button type="button" variant="secondary" onClick={download}>{t("download")}</Button>
        <Button type="button" onClick={onDone}>{t("done")}</Button>
      </div>
    </div>
  );
}

function Disable({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const t = useTranslations("auth.security.twoFactor");
  const trpc = useTRPC();
  const disable = useMutation(trpc.account.disableTwoFactor.mutationOptions());
  const form = useServerForm(disableTwoFactorInput, { defaultValues: { password: "", code: "" }, fields: ["password", "code"] });
  const onSubmit = form.submit(async (values) => {
    await disable.mutateAsync(values);
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-sm flex-col gap-4" aria-label={t("disableTitle")}>
      <h3 className="font-semibold text-slate-900">{t("disableTitle")}</h3>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("password")} error={form.problem("password")}>
        <Input type="password" autoComplete="current-password" autoFocus maxLength={200} {...form.register("password")} />
      </Field>
      <Field label={t("disableCode")} error={form.problem("code")}>
        <Input autoComplete="one-time-code" maxLength={20} {...form.register("code")} />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" variant="danger" loading={form.formState.isSubmitting}>{t("disableSubmit")}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t("cancel")}</Button>
      </div>
    </form>
  );
}

const renewForm = z.strictObject(renewCodesInput.shape);

function Renew({ onCancel, onRenewed }: { onCancel: () => void; onRenewed: (codes: string[]) => void }) {
  const t = useTranslations("auth.security.twoFactor");
  const trpc = useTRPC();
  const renew = useMutation(trpc.account.renewRecoveryCodes.mutationOptions());
  const form = useServerForm(renewForm, { defaultValues: { code: "" }, fields: ["code"] });
  const onSubmit = form.submit(async (values) => {
    onRenewed((await renew.mutateAsync(values)).recoveryCodes);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-sm flex-col gap-4" aria-label={t("renewTitle")}>
      <h3 className="font-semibold text-slate-900">{t("renewTitle")}</h3>
      <p className="text-sm text-slate-600">{t("renewNote")}</p>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("disableCode")} error={form.problem("code")}>
        <Input autoComplete="one-time-code" autoFocus maxLength={20} {...form.register("code")} />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" loading={form.formState.isSubmitting}>{t("renewSubmit")}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t("cancel")}</Button>
      </div>
    </form>
  );
}
