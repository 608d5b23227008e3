"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { z } from "zod";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { commentInput } from "@/server/kb/inputs";
import { useTRPC } from "@/trpc/react";
import { portalCallError } from "./errors";
import { ChatIcon } from "./kb-icons";

const subscribe = () => () => {};
const schema = z.object(commentInput);

/**
 * A visitor's comment on an article: name, an optional email only the team sees, the text, and a
 * honeypot. Comments appear only once a moderator approves them, and the form says so.
 */
export function ArticleCommentForm({ desk, articleId }: { desk: string; articleId: string }) {
  const t = useTranslations("portal.comments");
  const trpc = useTRPC();
  const ids = useId();
  const comment = useMutation(trpc.helpCenter.comment.mutationOptions());
  const [sent, setSent] = useState(false);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  // Sending needs script: before it runs (or without it) the button stays disabled, so the form never posts.
  const running = useSyncExternalStore(subscribe, () => true, () => false);
  const form = useServerForm(schema, {
    defaultValues: { name: "", email: "", body: "", website: "" },
    fields: ["name", "email", "body"],
    failureMessage: portalCallError,
  });
  const { register, problem } = form;

  useEffect(() => {
    if (sent) sentHeading.current?.focus();
  }, [sent]);

  const onSubmit = form.submit(async (values) => {
    await comment.mutateAsync({ desk, articleId, ...values });
    form.resetField("body");
    setSent(true);
  });

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
        <Field label={t("name")} error={problem("name")} required>
          <Input autoComplete="name" maxLength={maxLengthOf(commentInput.name)} {...register("name")} />
        </Field>
        <Field label={t("email")} hint={t("emailHint")} error={problem("email")}>
          <Input type="email" inputMode="email" autoComplete="email" maxLength={254} {...register("email")} />
        </Field>
      </div>
      <Field label={t("body")} hint={t("bodyHint")} error={problem("body")} required>
        <Textarea rows={4} maxLength={maxLengthOf(commentInput.body)} {...register("body")} />
      </Field>
      {/* A field people never see or reach; robots that fill every input give themselves away. */}
      <div aria-hidden="true" className="absolute top-0 -left-[10000px] size-px overflow-hidden">
        <label htmlFor={`${ids}-website`}>{t("honeypot")}</label>
        <input id={`${ids}-website`} type="text" tabIndex={-1} autoComplete="off" {...register("website")} />
      </div>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
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
