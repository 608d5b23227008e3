"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { serverMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { QueryState } from "@/components/ui/query-state";
import { CardSection } from "@/components/ui/section-heading";
import { Skeleton } from "@/components/ui/skeleton";
import { senderNameForm, sendingAddressForm } from "@/server/mail/inputs";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";
import { useTRPC } from "@/trpc/react";
import { SmtpServerForm } from "./smtp-server-form";

export type Sending = inferRouterOutputs<AppRouter>["mail"]["sending"];


/** Settings → Mail → Sending: the name customers see, the desk's own address, and the server its mail leaves through. */
export function SendingMail({ desk }: { desk: string }) {
  const t = useTranslations("mail.sending");
  const trpc = useTRPC();
  const sending = useQuery(trpc.mail.sending.queryOptions({ desk }));
  return (
    <CardSection id="sending-title" title={t("title")} description={t("description")} className="mb-6">
      <QueryState query={sending} loading={<Skeleton className="h-24 w-full" />} errorMessage={t("loadFailed")}>
        {(data) => (
          <div className="flex flex-col gap-6">
            <SenderName desk={desk} data={data} />
            <OwnAddress desk={desk} data={data} />
            {data.address && data.verified ? <SmtpServerForm desk={desk} data={data} /> : null}
          </div>
        )}
      </QueryState>
    </CardSection>
  );
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.mail.sending.queryKey() });
}

function SenderName({ desk, data }: { desk: string; data: Sending }) {
  const t = useTranslations("mail.sending");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const save = useMutation(trpc.mail.saveSenderName.mutationOptions());
  const [saved, setSaved] = useState(false);
  const form = useServerForm(senderNameForm, { defaultValues: { senderName: data.senderName ?? "" }, fields: ["senderName"] });
  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    await save.mutateAsync({ desk, senderName: values.senderName || null });
    await refresh();
    setSaved(true);
  });
  return (
    <form className="flex flex-col gap-2" onSubmit={onSubmit} noValidate>
      <Field label={t("senderName")} hint={t("senderNameHint", { example: data.defaultSenderName })} error={form.problem("senderName")}>
        <Input maxLength={80} placeholder={t("senderNamePlaceholder", { desk: data.defaultSenderName })} {...form.register("senderName")} />
      </Field>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" loading={save.isPending}>
          {t("save")}
        </Button>
        {saved ? (
          <span role="status" className="text-sm text-emerald-700">
            {t("saved")}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function OwnAddress({ desk, data }: { desk: string; data: Sending }) {
  const t = useTranslations("mail.sending");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const request = useMutation(trpc.mail.requestSendingAddress.mutationOptions());
  const remove = useMutation(trpc.mail.removeSendingAddress.mutationOptions());
  const removal = useCallFailure(serverMessage);
  const [sent, setSent] = useState(false);
  const form = useServerForm(sendingAddressForm, { defaultValues: { address: data.address ?? "" }, fields: ["address"] });
  const onSubmit = form.submit(async (values) => {
    setSent(false);
    await request.mutateAsync({ desk, ...values });
    await refresh();
    setSent(true);
  });

  return (
    <div className="flex flex-col gap-3" aria-labelledby="own-address-title">
      <h3 id="own-address-title" className="text-sm font-semibold text-slate-900">
        {t("ownAddress")}
      </h3>
      <p className="text-sm text-slate-600">{data.platformAddress ? t("fromPlatform", { address: data.platformAddress }) : t("fromPlatformSender")}</p>
      {data.address ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="font-medium text-slate-900">{data.address}</span>
          <Badge variant={data.verified ? "success" : "warning"}>{data.verified ? t("verified") : t("pending")}</Badge>
          <Button
            variant="ghost"
            size="sm"
            loading={remove.isPending}
            onClick={() =>
              void removal.run(async () => {
                await remove.mutateAsync({ desk });
                await refresh();
              })
            }
          >
            {t("remove")}
          </Button>
        </div>
      ) : null}
      {data.address && !data.verified ? <Alert variant="info">{t("pendingHow", { address: data.address })}</Alert> : null}
      {data.address && data.verified && data.mode === "platform" ? <p className="text-sm text-slate-600">{t("platformDomainAdvice", { domain: data.dkimDomain ?? "—" })}</p> : null}
      {removal.message ? <Alert variant="error">{removal.message}</Alert> : null}
      {!data.verified ? (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Field label={t("address")} error={form.problem("address")}>
              <Input type="email" maxLength={254} placeholder="support@yourcompany.com" {...form.register("address")} />
            </Field>
          </div>
          <Button type="submit" size="sm" loading={request.isPending}>
            {data.address ? t("resend") : t("sendConfirmation")}
          </Button>
        </form>
      ) : null}
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      {sent ? (
        <p role="status" className="text-sm text-emerald-700">
          {t("confirmationSent")}
        </p>
      ) : null}
    </div>
  );
}
