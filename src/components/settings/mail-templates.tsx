"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { useDebounced } from "@/components/kb/use-debounced";
import { markdownClassName } from "@/components/ticket/markdown-body";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { DismissibleNotice, LoadError } from "@/components/ui/notices";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import type { AppRouter } from "@/server/root";
import { useTRPC } from "@/trpc/react";

type Template = inferRouterOutputs<AppRouter>["mail"]["templates"][number];
type Kind = Template["kind"];
type Locale = Template["locale"];

const locales = ["en", "ru"] as const satisfies readonly Locale[];
/** Message keys by kind: next-intl reads dots in a key as nesting. */
const kindKeys: Record<Kind, string> = {
  "ticket.received": "received",
  "ticket.reply": "reply",
  "ticket.solved": "solved",
  "portal.link": "portalLink",
};
const kinds = Object.keys(kindKeys) as Kind[];
const subjectMax = 300;
const bodyMax = 20_000;

type Problems = { subject?: ErrorMessage; body?: ErrorMessage; form?: ErrorMessage };

/** The server's field errors (subject/body), with the call's params (the unknown placeholders). */
function serverProblems(error: unknown): Problems {
  if (!(error instanceof TRPCClientError)) return { form: { key: "network" } };
  const data = (error as TRPCClientError<AppRouter>).data;
  const params = data?.messageParams ?? undefined;
  const problems: Problems = {};
  for (const [field, messages] of Object.entries((data?.fieldErrors ?? {}) as Record<string, unknown>)) {
    const message = Array.isArray(messages) ? (messages[0] as unknown) : messages;
    if (typeof message === "string" && (field === "subject" || field === "body")) problems[field] = { key: message, params };
  }
  return problems.subject || problems.body ? problems : { form: serverMessage(error) };
}

/** Settings → Mail templates: the customer mails in both languages, an editor and a live preview. */
export function MailTemplates({ desk }: { desk: string }) {
  const t = useTranslations("mail.templates");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const query = useQuery(trpc.mail.templates.queryOptions({ desk }));
  const [locale, setLocale] = useState<Locale>("en");
  const [kind, setKind] = useState<Kind>("ticket.received");

  if (query.isPending) {
    return (
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]" aria-busy="true">
        <span className="sr-only">{tCommon("loading")}</span>
        <div className="flex flex-col gap-2">
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} className="h-14 w-full rounded-lg" />
          ))}
        </div>
        <Skeleton className="h-[480px] w-full rounded-xl" />
      </div>
    );
  }
  if (query.isError) return <LoadError message={t("loadFailed")} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <EmptyState title={t("empty")} />;

  const inLocale = query.data.filter((tpl) => tpl.locale === locale);
  const selected = inLocale.find((tpl) => tpl.kind === kind) ?? inLocale[0];

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <div className="flex flex-col gap-4">
        <div role="group" aria-label={t("language")} className="inline-flex w-fit rounded-lg border border-slate-300 bg-white p-0.5 shadow-xs">
          {locales.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={locale === l}
              onClick={() => setLocale(l)}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
                locale === l ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(`locales.${l}`)}
            </button>
          ))}
        </div>
        <ul aria-label={t("listLabel")} className="flex flex-col gap-1.5">
          {kinds.map((k) => {
            const tpl = inLocale.find((x) => x.kind === k);
            if (!tpl) return null;
            const current = selected?.kind === k;
            return (
              <li key={k}>
                <button
                  type="button"
                  aria-pressed={current}
                  onClick={() => setKind(k)}
                  className={cn(
                    "flex w-full flex-col items-start gap-0.5 rounded-lg border px-3 py-2 text-left transition-colors",
                    current ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-white hover:bg-slate-50",
                  )}
                >
                  <span className="flex w-full items-center justify-between gap-2">
                    <span className={cn("text-sm font-medium", current ? "text-brand-700" : "text-slate-900")}>{t(`kinds.${kindKeys[k]}.name`)}</span>
                    {tpl.custom ? <Badge variant="brand">{t("customised")}</Badge> : null}
                  </span>
                  <span className="text-xs text-slate-500">{t(`kinds.${kindKeys[k]}.when`)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {selected ? <TemplateEditor key={`${selected.kind}:${selected.locale}`} desk={desk} template={selected} /> : <EmptyState title={t("empty")} />}
    </div>
  );
}

function TemplateEditor({ desk, template }: { desk: string; template: Template }) {
  const t = useTranslations("mail.templates");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.mail.saveTemplate.mutationOptions());
  const reset = useMutation(trpc.mail.resetTemplate.mutationOptions());
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<"subject" | "body">("body");
  const [saved, setSaved] = useState({ subject: template.subject, body: template.body });
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [resetError, setResetError] = useState<ErrorMessage>(null);
  const dirty = subject !== saved.subject || body !== saved.body;
  const name = t(`kinds.${kindKeys[template.kind]}.name`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.mail.templates.queryKey({ desk }) });

  function edit(field: "subject" | "body", value: string) {
    if (field === "subject") setSubject(value);
    else setBody(value);
    setNotice(null);
    setProblems((p) => ({ ...p, [field]: undefined, form: undefined }));
  }

  /** Puts {{name}} where the cursor was in the subject or body last focused (the body by default). */
  function insert(macro: string) {
    const field = lastField.current;
    const element = field === "subject" ? subjectRef.current : bodyRef.current;
    const value = field === "subject" ? subject : body;
    const token = `{{${macro}}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    edit(field, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setNotice(null);
    const found: Problems = {};
    if (subject.trim() === "") found.subject = { key: "mailTemplate.subjectRequired" };
    else if (subject.trim().length > subjectMax) found.subject = { key: "mailTemplate.subjectTooLong" };
    if (body.trim() === "") found.body = { key: "mailTemplate.bodyRequired" };
    else if (body.trim().length > bodyMax) found.body = { key: "mailTemplate.bodyTooLong" };
    if (found.subject || found.body) {
      setProblems(found);
      (found.subject ? subjectRef : bodyRef).current?.focus();
      return;
    }
    setProblems({});
    try {
      await save.mutateAsync({ desk, kind: template.kind, locale: template.locale, subject, body });
      setSaved({ subject, body });
      setNotice(t("saved", { name }));
      await refresh();
    } catch (error) {
      const next = serverProblems(error);
      setProblems(next);
      if (next.subject) subjectRef.current?.focus();
      else if (next.body) bodyRef.current?.focus();
    }
  }

  async function confirmReset() {
    setResetError(null);
    try {
      await reset.mutateAsync({ desk, kind: template.kind, locale: template.locale });
      setSaved(template.default);
      setSubject(template.default.subject);
      setBody(template.default.body);
      setProblems({});
      setConfirming(false);
      setNotice(t("resetDone", { name }));
      await refresh();
    } catch (error) {
      setResetError(serverMessage(error));
    }
  }

  return (
    <div className="grid min-w-0 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <section aria-labelledby="template-editor-title" className="flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="template-editor-title" className="text-lg font-semibold text-slate-900">
            {name} <span className="font-normal text-slate-500">· {t(`locales.${template.locale}`)}</span>
          </h2>
          {template.custom ? <Badge variant="brand">{t("customised")}</Badge> : <Badge>{t("default")}</Badge>}
        </div>
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4" aria-labelledby="template-editor-title">
          <Field label={t("subject")} error={errorText(problems.subject)} required>
            <Input
              ref={subjectRef}
              value={subject}
              maxLength={subjectMax}
              onFocus={() => (lastField.current = "subject")}
              onChange={(event) => edit("subject", event.target.value)}
            />
          </Field>
          <Field label={t("body")} hint={t("bodyHint")} error={errorText(problems.body)} required>
            <Textarea
              ref={bodyRef}
              rows={14}
              value={body}
              maxLength={bodyMax}
              className="font-mono text-[13px]"
              onFocus={() => (lastField.current = "body")}
              onChange={(event) => edit("body", event.target.value)}
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
          {problems.form ? <Alert variant="error">{errorText(problems.form)}</Alert> : null}
          <DismissibleNotice notice={notice ? { variant: "success", text: notice } : null} onClose={() => setNotice(null)} />
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" loading={save.isPending}>
              {t("save")}
            </Button>
            {dirty ? (
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setSubject(saved.subject);
                  setBody(saved.body);
                  setProblems({});
                }}
              >
                {t("discard")}
              </Button>
            ) : null}
            {template.custom ? (
              <Button
                type="button"
                variant="ghost"
                className="ml-auto text-red-700 hover:bg-red-50 hover:text-red-800"
                onClick={() => {
                  setNotice(null);
                  setResetError(null);
                  setConfirming(true);
                }}
              >
                {t("reset")}
              </Button>
            ) : null}
          </div>
        </form>
      </section>
      <TemplatePreview desk={desk} kind={template.kind} locale={template.locale} subject={subject} body={body} />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("resetTitle", { name })}
        description={t("resetDescription")}
        confirmLabel={t("resetConfirm")}
        variant="danger"
        pending={reset.isPending}
        error={resetError ? errorText(resetError) : null}
        onConfirm={() => void confirmReset()}
      />
    </div>
  );
}

/** The mail as a customer would get it, with sample values; follows the editor after a pause. */
function TemplatePreview({ desk, kind, locale, subject, body }: { desk: string; kind: Kind; locale: Locale; subject: string; body: string }) {
  const t = useTranslations("mail.templates");
  const trpc = useTRPC();
  const wording = useDebounced({ subject, body }, 400);
  const ready = wording.subject.trim() !== "" && wording.body.trim() !== "" && wording.subject.length <= subjectMax && wording.body.length <= bodyMax;
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
