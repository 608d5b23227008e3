"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { useErrorText } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { PaperclipIcon } from "./icons";

type ReplyAnswer = { messageId?: string; message?: string; fields?: Record<string, string> | null };

const sizeLabel = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * The customer's reply: text and up to a few files, posted as multipart to /api/portal/reply (the
 * route answers refusals already translated into the desk's language), then the page reloads its data.
 */
export function ReplyBox({
  token,
  number,
  reopens,
  maxFiles,
  maxFileMb,
}: {
  token: string;
  number: number | null;
  /** The ticket is solved or closed: a reply opens it again. */
  reopens: boolean;
  maxFiles: number;
  maxFileMb: number;
}) {
  const t = useTranslations("portal.reply");
  const errorText = useErrorText();
  const router = useRouter();
  const ids = useId();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [filesError, setFilesError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  function addFiles(list: FileList | null) {
    setFilesError(null);
    const chosen = Array.from(list ?? []);
    const tooLarge = chosen.find((file) => file.size > maxFileMb * 1024 * 1024);
    if (tooLarge) setFilesError(errorText({ key: "file.tooLarge", params: { mb: maxFileMb } }) ?? null);
    const next = [...files, ...chosen.filter((file) => file.size > 0 && file.size <= maxFileMb * 1024 * 1024)];
    if (next.length > maxFiles) setFilesError(errorText({ key: "file.tooManyForVisitor", params: { max: maxFiles } }) ?? null);
    setFiles(next.slice(0, maxFiles));
  }

  async function onSubmit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (pending) return;
    setError(null);
    setBodyError(null);
    setSent(false);
    if (!body.trim()) {
      setBodyError(errorText("ticket.bodyRequired") ?? null);
      textarea.current?.focus();
      return;
    }
    const form = new FormData();
    form.set("token", token);
    if (number !== null) form.set("number", String(number));
    form.set("body", body);
    for (const file of files) form.append("files", file);
    setPending(true);
    try {
      const response = await fetch("/api/portal/reply", { method: "POST", body: form });
      const answer = (await response.json().catch(() => ({}))) as ReplyAnswer;
      if (!response.ok) {
        const fields = answer.fields ?? {};
        if (fields.body) setBodyError(fields.body);
        if (fields.files) setFilesError(fields.files);
        if (!fields.body && !fields.files) setError(answer.message ?? errorText("generic") ?? null);
        return;
      }
      setBody("");
      setFiles([]);
      setSent(true);
      router.refresh();
    } catch {
      setError(errorText("network") ?? null);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
      <h2 id={`${ids}-title`} className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      {reopens ? <p className="mt-1 text-sm text-slate-500">{t("reopens")}</p> : null}
      <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} className="mt-4 flex flex-col gap-4">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${ids}-body`} className="sr-only">
            {t("label")}
          </label>
          <Textarea
            ref={textarea}
            id={`${ids}-body`}
            name="body"
            rows={5}
            maxLength={50_000}
            placeholder={t("placeholder")}
            value={body}
            readOnly={pending}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? `${ids}-body-error` : `${ids}-body-hint`}
            onChange={(event) => {
              setBody(event.target.value);
              if (sent) setSent(false);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void onSubmit();
            }}
            className="text-[15px]"
          />
          {bodyError ? (
            <p id={`${ids}-body-error`} className="text-sm text-red-700">
              {bodyError}
            </p>
          ) : (
            <p id={`${ids}-body-hint`} className="text-xs text-slate-500">
              {t("hint")}
            </p>
          )}
        </div>

        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <input
              id={`${ids}-files`}
              type="file"
              multiple
              disabled={pending || files.length >= maxFiles}
              className="peer sr-only"
              aria-describedby={`${ids}-files-hint`}
              onChange={(event) => {
                addFiles(event.target.files);
                event.target.value = "";
              }}
            />
            <label
              htmlFor={`${ids}-files`}
              className={cn(
                "inline-flex h-8 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-900 shadow-xs transition-colors hover:bg-slate-50",
                "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 peer-disabled:cursor-not-allowed peer-disabled:opacity-50",
              )}
            >
              <PaperclipIcon />
              {t("attach")}
            </label>
            <span id={`${ids}-files-hint`} className="text-xs text-slate-500">
              {t("filesHint", { max: maxFiles, mb: maxFileMb })}
            </span>
          </div>
          {files.length > 0 ? (
            <ul aria-label={t("filesLabel")} className="flex flex-wrap gap-2">
              {files.map((file, index) => (
                <li key={`${file.name}-${index}`} className="inline-flex max-w-full items-center gap-1 rounded-full bg-slate-100 py-1 pr-1 pl-3 text-xs text-slate-700">
                  <span className="truncate">{file.name}</span>
                  <span className="shrink-0 text-slate-500">· {sizeLabel(file.size)}</span>
                  <button
                    type="button"
                    disabled={pending}
                    className="ml-0.5 flex size-6 shrink-0 cursor-pointer items-center justify-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                    aria-label={t("remove", { name: file.name })}
                    onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
                      <path d="m4.5 4.5 7 7m0-7-7 7" />
                    </svg>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {filesError ? <p className="text-sm text-red-700">{filesError}</p> : null}
        </div>

        {error ? <Alert variant="error">{error}</Alert> : null}
        <div aria-live="polite">{sent ? <Alert variant="success">{t("sent")}</Alert> : null}</div>

        <div className="flex flex-wrap items-center justify-end gap-3">
          <noscript>
            <span className="text-sm text-amber-800">{t("needsScript")}</span>
          </noscript>
          <Button type="submit" loading={pending} className="min-w-28">
            {pending ? t("sending") : t("send")}
          </Button>
        </div>
      </form>
    </section>
  );
}
