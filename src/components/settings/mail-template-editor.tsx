"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { useDebounced } from "@/components/kb/use-debounced";
import { markdownClassName } from "@/components/ticket/markdown-body";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { DismissibleNotice } from "@/components/ui/notices";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import type { AppRouter } from "@/server/root";
import { templateWording, templateWordingForm } from "@/server/mail/inputs";
import { useTRPC } from "@/trpc/react";
import { kindKeys, type Kind, type Template } from "./mail-template-kinds";

type Wording = z.input<typeof templateWordingForm>;
const fields = ["subject", "body"] as const;

/** The values a refused save named (the unknown placeholders), for the field messages. */
function messageParams(error: unknown) {
  return error instanceof TRPCClientError ? ((error as TRPCClientError<AppRouter>).data?.messageParams ?? undefined) : undefined;
}

/** One customer mail in one language: subject and body with placeholders, saved or reset to the default. */
export function TemplateEditor({ desk, template }: { desk: string; template: Template }) {
  const t = useTranslations("mail.templates");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.mail.saveTemplate.mutationOptions());
  const reset = useMutation(trpc.mail.resetTemplate.mutationOptions());
  const subjectRef = useRef<HTMLInputElement | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const lastField = useRef<"subject" | "body">("body");
  const [params, setParams] = useState<Record<string, string | number> | undefined>(undefined);
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<Wording>({ resolver: zodResolver(templateWordingForm), defaultValues: { subject: template.subject, body: template.body } });
  const { register, handleSubmit, formState, setError, setValue, control } = form;
  const [subject, body] = useWatch({ control, name: ["subject", "body"] });
  const name = t(`kinds.${kindKeys[template.kind]}.name`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.mail.templates.queryKey({ desk }) });
  const problem = (field: "subject" | "body") => {
    const key = formState.errors[field]?.message;
    return key ? errorText({ key, params }) : undefined;
  };
  const edited = () => {
    setNotice(null);
    setFormError(null);
  };

  /** Puts {{name}} where the cursor was in the subject or body last focused (the body by default). */
  function insert(macro: string) {
    const field = lastField.current;
    const element = field === "subject" ? subjectRef.current : bodyRef.current;
    const value = (field === "subject" ? subject : body) ?? "";
    const token = `{{${macro}}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    setValue(field, value.slice(0, start) + token + value.slice(end), { shouldDirty: true });
    edited();
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const onSubmit = handleSubmit(async (values) => {
    edited();
    setParams(undefined);
    try {
      await save.mutateAsync({ desk, kind: template.kind, locale: template.locale, ...values });
      form.reset(values);
      setNotice(t("saved", { name }));
      await refresh();
    } catch (error) {
      setParams(messageParams(error));
      setFormError(applyServerError(error, setError, fields));
    }
  });

  const resetting = useConfirmation(async () => {
    await reset.mutateAsync({ desk, kind: template.kind, locale: template.locale });
    form.reset(template.default);
    setNotice(t("resetDone", { name }));
    await refresh();
  });

  const subjectField = register("subject", { onChange: edited });
  const bodyField = register("body", { onChange: edited });
  return (
    <div className="grid min-w-0 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <section aria-labelledby="template-editor-title" className="flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="template-editor-title" className="text-lg font-semibold text-slate-900">
            {name} <span className="font-normal text-slate-500">· {t(`locales.${template.locale}`)}</span>
          </h2>
          {template.custom ? <Badge variant="brand">{t("customised")}</Badge> : <Badge>{t("default")}</Badge>}
        </div>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="template-editor-title">
          <Field label={t("subject")} error={problem("subject")} required>
            <Input
              {...subjectField}
              ref={(element) => {
                subjectField.ref(element);
                subjectRef.current = element;
              }}
              maxLength={maxLengthOf(templateWording.subject)}
              onFocus={() => (lastField.current = "subject")}
            />
          </Field>
          <Field label={t("body")} hint={t("bodyHint")} error={problem("body")} required>
            <Textarea
              {...bodyField}
              ref={(element) => {
                bodyField.ref(element);
                bodyRef.current = element;
              }}
              rows={14}
              maxLength={maxLengthOf(templateWording.body)}
              className="font-mono text-[13px]"
              onFocus={() => (lastField.current = "body")}
            />
          </Field>
          <div role="group" aria-labelledby="template-macros-label" aria-describedby="template-macros-hint">
            <p id="template-macros-label" className="text-sm font-medium text-slate-800">
              {t("macros")}
            </p>
            <p id="template-macros-hint" className="mb-2 text-sm text-slate-500">
              {t("macrosHint")}
            </p>
            <div className="flex flex-wrap gap-1.5">
              {template.macros.map((macro) => (
                <button
                  key={macro}
                  type="button"
                  aria-label={t("insert", { macro: `{{${macro}}}` })}
                  // Keep the cursor in the field: the chip does not take focus on a mouse click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => insert(macro)}
                  className="rounded-md border border-slate-300 bg-slate-50 px-2 py-0.5 font-mono text-xs text-slate-700 transition-colors hover:border-brand-400 hover:bg-brand-50 hover:text-brand-700"
                >
                  {`{{${macro}}}`}
                </button>
              ))}
            </div>
          </div>
          {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
          <DismissibleNotice notice={notice ? { variant: "success", text: notice } : null} onClose={() => setNotice(null)} />
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" loading={save.isPending}>
              {t("save")}
            </Button>
            {formState.isDirty ? (
              <Button type="button" variant="secondary" onClick={() => form.reset()}>
                {t("discard")}
              </Button>
            ) : null}
            {template.custom ? (
              <Button
                type="button"
                variant="dangerGhost"
                className="ml-auto"
                onClick={() => {
                  setNotice(null);
                  resetting.ask(true);
                }}
              >
                {t("reset")}
              </Button>
            ) : null}
          </div>
        </form>
      </section>
      <TemplatePreview desk={desk} kind={template.kind} locale={template.locale} subject={subject ?? ""} body={body ?? ""} />
      <ConfirmDialog {...resetting.dialog} variant="danger" title={t("resetTitle", { name })} description={t("resetDescription")} confirmLabel={t("resetConfirm")} />
    </div>
  );
}

/** The mail as a customer would get it, with sample values; follows the editor after a pause. */
function TemplatePreview({ desk, kind, locale, subject, body }: { desk: string; kind: Kind; locale: Template["locale"]; subject: string; body: string }) {
  const t = useTranslations("mail.templates");
  const trpc = useTRPC();
  const wording = useDebounced({ subject, body }, 400);
  // Only wording a save would take is previewed.
  const ready = templateWordingForm.safeParse(wording).success;
  const preview = useQuery({
    ...trpc.mail.previewTemplate.queryOptions({ desk, kind, locale, ...wording }),
    enabled: ready,
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="template-preview-title" className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6">
      <div className="flex items-center justify-between gap-2">
        <h2 id="template-preview-title" className="text-lg font-semibold text-slate-900">
          {t("preview")}
        </h2>
        {preview.isFetching ? <span className="text-xs text-slate-500">{t("updating")}</span> : null}
      </div>
      <p className="text-sm text-slate-500">{t("previewHint")}</p>
      {!ready ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">{t("previewEmpty")}</p>
      ) : preview.isPending ? (
        <div className="flex flex-col gap-2" aria-hidden="true">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : preview.isError ? (
        <Alert variant="error">{t("previewFailed")}</Alert>
      ) : (
        <>
          {preview.data.unknown.length > 0 ? (
            <Alert variant="warning" title={t("unknownTitle")}>
              {t("unknown", { macros: preview.data.unknown.map((m) => `{{${m}}}`).join(", ") })}
            </Alert>
          ) : null}
          <dl className="text-sm">
            <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("subject")}</dt>
            <dd className="mt-0.5 font-medium break-words text-slate-900">{preview.data.subject}</dd>
          </dl>
          <div className={cn(markdownClassName, "rounded-lg border border-slate-200 bg-white p-4")} dangerouslySetInnerHTML={{ __html: preview.data.html }} />
        </>
      )}
    </section>
  );
}
