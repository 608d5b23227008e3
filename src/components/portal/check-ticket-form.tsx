"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { fieldError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import { portalCallError } from "./errors";
import { MailIcon } from "./icons";

/**
 * "Check my ticket": the customer's email (plus a honeypot only robots fill in). The answer is the
 * same whether or not the desk knows the address, so the page says only what may be true.
 */
export function CheckTicketForm({ desk }: { desk: string }) {
  const t = useTranslations("portal.check");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const ids = useId();
  const request = useMutation(trpc.portal.requestLink.mutationOptions());
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorMessage>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sentTo) sentHeading.current?.focus();
  }, [sentTo]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setEmailError(null);
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setEmailError("email.invalid");
      emailInput.current?.focus();
      return;
    }
    const website = new FormData(event.currentTarget).get("website");
    try {
      await request.mutateAsync({ desk, email: address, website: typeof website === "string" ? website : "" });
      setSentTo(address);
    } catch (failure) {
      const onEmail = fieldError(failure, "email");
      if (onEmail) {
        setEmailError(onEmail);
        emailInput.current?.focus();
      } else setError(portalCallError(failure));
    }
  }

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
            setEmail("");
          }}
        >
          {t("another")}
        </Button>
      </div>
    );
  }

  return (
    <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} className="relative flex flex-col gap-5">
      <Field label={t("email")} hint={t("emailHint")} error={emailError ? errorText(emailError) : undefined} required>
        <Input
          ref={emailInput}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          placeholder={t("emailPlaceholder")}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          className="h-11 text-base sm:text-sm"
        />
      </Field>
      {/* A field people never see or reach; robots that fill every input give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-0 size-px overflow-hidden">
        <label htmlFor={`${ids}-website`}>{t("honeypot")}</label>
        <input id={`${ids}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {error ? <Alert variant="error">{errorText(error)}</Alert> : null}
      <Button type="submit" size="lg" loading={request.isPending} className="w-full">
        {request.isPending ? t("sending") : t("submit")}
      </Button>
      <noscript>
        <p className="text-center text-sm text-amber-800">{t("needsScript")}</p>
      </noscript>
    </form>
  );
}
