"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { applyServerError } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { requestLinkInput } from "@/server/portal/inputs";
import { useTRPC } from "@/trpc/react";
import { portalCallError } from "./errors";
import { MailIcon } from "./icons";

const schema = requestLinkInput.pick({ email: true, website: true });

/**
 * "Check my ticket": the customer's email (plus a honeypot only robots fill in). The answer is the
 * same whether or not the desk knows the address, so the page says only what may be true.
 */
export function CheckTicketForm({ desk }: { desk: string }) {
  const t = useTranslations("portal.check");
  const trpc = useTRPC();
  const ids = useId();
  const request = useMutation(trpc.portal.requestLink.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  const form = useServerForm(schema, { defaultValues: { email: "", website: "" }, fields: ["email"] });
  const { register, setFocus } = form;

  useEffect(() => {
    if (sentTo) sentHeading.current?.focus();
  }, [sentTo]);

  const onSubmit = form.handleSubmit(
    async (values) => {
      form.setFailure(null);
      try {
        await request.mutateAsync({ desk, ...values });
        setSentTo(values.email);
      } catch (failure) {
        if (applyServerError(failure, form.setError, ["email"])) form.setFailure(portalCallError(failure));
        else setFocus("email");
      }
    },
    () => setFocus("email"),
  );

  if (sentTo) {
    return (
      <div role="status" className="flex flex-col items-center text-center">
        <span aria-hidden="true" className="flex size-14 items-center justify-center rounded-full bg-brand-50 text-brand-700">
          <MailIcon />
        </span>
        <h2 ref={sentHeading} tabIndex={-1} className="mt-4 text-lg font-semibold text-slate-900">
          {t("sentTitle")}
        </h2>
        <p className="mt-2 text-sm leading-relaxed text-slate-600">{t("sentBody", { email: sentTo })}</p>
        <p className="mt-2 text-sm leading-relaxed text-slate-500">{t("sentHint")}</p>
        <Button
          type="button"
          variant="secondary"
          className="mt-6"
          onClick={() => {
            setSentTo(null);
            form.reset();
          }}
        >
          {t("another")}
        </Button>
      </div>
    );
  }

  return (
    <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} className="relative flex flex-col gap-5">
      <Field label={t("email")} hint={t("emailHint")} error={form.problem("email")} required>
        <Input
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={maxLengthOf(requestLinkInput.shape.email)}
          placeholder={t("emailPlaceholder")}
          className="h-11 text-base sm:text-sm"
          {...register("email")}
        />
      </Field>
      {/* A field people never see or reach; robots that fill every input give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-0 size-px overflow-hidden">
        <label htmlFor={`${ids}-website`}>{t("honeypot")}</label>
        <input id={`${ids}-website`} type="text" tabIndex={-1} autoComplete="off" {...register("website")} />
      </div>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Button type="submit" size="lg" loading={request.isPending} className="w-full">
        {request.isPending ? t("sending") : t("submit")}
      </Button>
      <noscript>
        <p className="text-center text-sm text-amber-800">{t("needsScript")}</p>
      </noscript>
    </form>
  );
}
