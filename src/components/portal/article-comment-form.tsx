"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { fieldError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { portalCallError } from "./errors";
import { ChatIcon } from "./kb-icons";

type Fields = "name" | "email" | "body";
const subscribe = () => () => {};
const fields: readonly Fields[] = ["name", "email", "body"];

/**
 * A visitor's comment on an article: name, an optional email only the team sees, the text, and a
 * honeypot. Comments appear only once a moderator approves them, and the form says so.
 */
export function ArticleCommentForm({ desk, articleId }: { desk: string; articleId: string }) {
  const t = useTranslations("portal.comments");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const ids = useId();
  const comment = useMutation(trpc.helpCenter.comment.mutationOptions());
  const [values, setValues] = useState<Record<Fields, string>>({ name: "", email: "", body: "" });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [error, setError] = useState<ErrorMessage>(null);
  const [sent, setSent] = useState(false);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  // Sending needs script: before it runs (or without it) the button stays disabled, so the form never posts.
  const running = useSyncExternalStore(subscribe, () => true, () => false);
  const nameInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const bodyInput = useRef<HTMLTextAreaElement>(null);
  const focus = (field: Fields) => ({ name: nameInput, email: emailInput, body: bodyInput })[field].current?.focus();

  useEffect(() => {
    if (sent) sentHeading.current?.focus();
  }, [sent]);

  const set = (field: Fields) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.target.value;
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  function check(): Partial<Record<Fields, string>> {
    const found: Partial<Record<Fields, string>> = {};
    if (!values.name.trim()) found.name = "name.required";
    const email = values.email.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) found.email = "email.invalid";
    if (!values.body.trim()) found.body = "kb.commentRequired";
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const found = check();
    setErrors(found);
    const first = fields.find((field) => found[field]);
    if (first) {
      focus(first);
      return;
    }
    const website = new FormData(event.currentTarget).get("website");
    try {
      await comment.mutateAsync({
        desk,
        articleId,
        name: values.name.trim(),
        email: values.email.trim(),
        body: values.body.trim(),
        website: typeof website === "string" ? website : "",
      });
      setValues((current) => ({ ...current, body: "" }));
      setSent(true);
    } catch (failure) {
      const onFields: Partial<Record<Fields, string>> = {};
      for (const field of fields) onFields[field] = fieldError(failure, field);
      const named = fields.find((field) => onFields[field]);
      if (named) {
        setErrors(onFields);
        focus(named);
      } else setError(portalCallError(failure));
    }
  }

  if (sent) {
    return (
      <div role="status" className="flex flex-col items-center rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-xs">
        <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700">
          <ChatIcon />
        </span>
        <h3 ref={sentHeading} tabIndex={-1} className="mt-3 font-semibold text-slate-900">
          {t("sentTitle")}
        </h3>
        <p className="mt-1 max-w-md text-sm leading-relaxed text-slate-600">{t("sent")}</p>
        <Button type="button" variant="secondary" size="sm" className="mt-4" onClick={() => setSent(false)}>
          {t("another")}
        </Button>
      </div>
    );
  }

  return (
    <form
      method="post"
      noValidate
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => void onSubmit(event)}
      className="relative flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6"
    >
      <div>
        <h3 id={`${ids}-title`} className="font-semibold text-slate-900">
          {t("formTitle")}
        </h3>
        <p className="mt-0.5 text-sm text-slate-600">{t("formIntro")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("name")} error={errors.name ? errorText(errors.name) : undefined} required>
          <Input ref={nameInput} name="name" autoComplete="name" maxLength={80} value={values.name} onChange={set("name")} />
        </Field>
        <Field label={t("email")} hint={t("emailHint")} error={errors.email ? errorText(errors.email) : undefined}>
          <Input ref={emailInput} name="email" type="email" inputMode="email" autoComplete="email" maxLength={254} value={values.email} onChange={set("email")} />
        </Field>
      </div>
      <Field label={t("body")} hint={t("bodyHint")} error={errors.body ? errorText(errors.body) : undefined} required>
        <Textarea ref={bodyInput} name="body" rows={4} maxLength={5000} value={values.body} onChange={set("body")} />
      </Field>
      {/* A field people never see or reach; robots that fill every input give themselves away. */}
      <div aria-hidden="true" className="absolute top-0 -left-[10000px] size-px overflow-hidden">
        <label htmlFor={`${ids}-website`}>{t("honeypot")}</label>
        <input id={`${ids}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {error ? <Alert variant="error">{errorText(error)}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <noscript>
          <span className="text-sm text-amber-800">{t("needsScript")}</span>
        </noscript>
        <Button type="submit" loading={comment.isPending} disabled={!running} className="ml-auto">
          {comment.isPending ? t("sending") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
