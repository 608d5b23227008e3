"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState } from "react";
import { CannedPicker } from "@/components/canned/canned-picker";
import { MacroHint } from "@/components/canned/macro-hint";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";
import { renderMacros, unknownMacros, type MacroValues } from "@/lib/macros";
import { useTRPC } from "@/trpc/react";
import { callError } from "./errors";
import { MarkdownBody } from "./markdown-body";
import { statuses, viewerCan, type CannedReply } from "./shared";
import { useTicket } from "./ticket-context";
import { AttachmentPicker, useAttachments } from "./attachments";
import { articleLink, KbLinkButton, KbLinkPicker } from "./kb-link-picker";

type Kind = "reply" | "note";
type Status = (typeof statuses)[number];
type StatusChoice = Status | "keep";

export type ComposerHandle = { focus: (kind: Kind) => void };

type Props = {
  ref?: React.Ref<ComposerHandle>;
  /** The conversation version the draft was written against (the server refuses an older one). */
  expectedVersion: number;
  /** Colleagues added to the conversation while this draft was being written. */
  stale: boolean;
  typingOthers: string[];
  onDraftChange: (empty: boolean) => void;
  onTyping: () => void;
  onConflict: () => Promise<void>;
  onSent: () => Promise<void>;
};

const unknownMessage = (names: string[]): ErrorMessage => ({ key: "macros.unknown", params: { macros: names.map((m) => `{{${m}}}`).join(", ") } });

/**
 * Public replies and private notes: Markdown with a preview, canned replies (button, Ctrl+/ or "/"
 * in an empty box), placeholders checked before anything is sent, the status after sending, and
 * Ctrl+Enter to send. A refused stale reply keeps the draft so it can be sent again.
 */
export function Composer({ ref, expectedVersion, stale, typingOthers, onDraftChange, onTyping, onConflict, onSent }: Props) {
  const t = useTranslations("ticket.composer");
  const tStatus = useTranslations("ticket.status");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const ids = useId();
  const { desk, viewer, data } = useTicket();
  const { ticket, customer, department } = data;
  const reply = useMutation(trpc.tickets.reply.mutationOptions());
  const attachments = useAttachments(desk.slug);

  const [kind, setKind] = useState<Kind>("reply");
  const [mode, setMode] = useState<"write" | "preview">("write");
  const [body, setBody] = useState("");
  const [statusAfter, setStatusAfter] = useState<StatusChoice | null>(null);
  const [cannedTags, setCannedTags] = useState<string[]>([]);
  const [cannedTitle, setCannedTitle] = useState<string | null>(null);
  const [error, setError] = useState<ErrorMessage>(null);
  const [conflict, setConflict] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [linkPickerOpen, setLinkPickerOpen] = useState(false);
  const [resyncing, setResyncing] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);

  const status: StatusChoice = statusAfter ?? (kind === "reply" ? "pending" : "keep");
  const unknown = unknownMacros(body);

  useImperativeHandle(ref, () => ({
    focus(next: Kind) {
      setKind(next);
      setMode("write");
      requestAnimationFrame(() => textarea.current?.focus());
    },
  }));

  // After an insertion, the caret goes to the end of the inserted text.
  useLayoutEffect(() => {
    const el = textarea.current;
    if (caret.current !== null && el) {
      el.focus();
      el.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  }, [body, mode]);

  const change = useCallback(
    (next: string, typed: boolean) => {
      setBody(next);
      onDraftChange(next.trim() === "");
      if (typed) onTyping();
      setError(null);
    },
    [onDraftChange, onTyping],
  );

  const insert = (text: string) => {
    const el = textarea.current;
    const start = mode === "write" && el ? el.selectionStart : body.length;
    const end = mode === "write" && el ? el.selectionEnd : body.length;
    const before = body.slice(0, start);
    const after = body.slice(end);
    // A canned reply goes on its own paragraph when inserted after some text.
    const glue = text.includes("\n") && before !== "" && !before.endsWith("\n") ? "\n\n" : "";
    caret.current = before.length + glue.length + text.length;
    setMode("write");
    change(before + glue + text + after, true);
  };

  const chooseCanned = (canned: CannedReply) => {
    insert(canned.body);
    setCannedTitle(canned.title);
    if (canned.setStatus) setStatusAfter(canned.setStatus);
    if (canned.addTags.length > 0) setCannedTags((tags) => [...new Set([...tags, ...canned.addTags])]);
  };

  // Ctrl/Cmd + / opens the canned replies from anywhere on the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "/" && !event.defaultPrevented) {
        event.preventDefault();
        setPickerOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const send = async () => {
    if (reply.isPending || resyncing) return;
    setError(null);
    setConflict(false);
    if (!body.trim()) {
      setError({ key: "ticket.bodyRequired" });
      textarea.current?.focus();
      return;
    }
    if (unknown.length > 0) {
      setError(unknownMessage(unknown));
      return;
    }
    try {
      await reply.mutateAsync({
        desk: desk.slug,
        ticketId: ticket.id,
        body,
        kind,
        expectedVersion,
        setStatus: status === "keep" ? ticket.status : status,
        addTags: cannedTags,
        attachmentIds: attachments.files.map((f) => f.id),
      });
      attachments.clear();
      setBody("");
      setMode("write");
      setStatusAfter(null);
      setCannedTags([]);
      setCannedTitle(null);
      onDraftChange(true);
      await onSent();
    } catch (e) {
      const message = callError(e);
      if (message?.key === "ticket.changedSinceLoaded") {
        // The draft stays; sending is held until the new messages are on screen.
        setConflict(true);
        setResyncing(true);
        try {
          await onConflict();
        } finally {
          setResyncing(false);
        }
      } else setError(message);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      void send();
    } else if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && body === "") {
      event.preventDefault();
      setPickerOpen(true);
    }
  };

  if (!viewerCan(viewer, "ticket.reply", ticket.departmentId)) {
    return <Alert variant="info">{t("readOnly")}</Alert>;
  }
  if (ticket.deletedAt) {
    return <Alert variant="info">{t("inTrash")}</Alert>;
  }
  if (ticket.mergedIntoTicketId) {
    return <Alert variant="info">{t("merged")}</Alert>;
  }

  const values: MacroValues = {
    "customer.name": customer.name || customer.email,
    "customer.email": customer.email,
    "ticket.number": String(ticket.number),
    "ticket.subject": ticket.subject,
    "agent.name": viewer.name,
    "desk.name": desk.displayName,
    "department.name": department.name,
  };
  const isNote = kind === "note";
  const tab = (active: boolean) =>
    cn(
      "cursor-pointer rounded-md px-2.5 py-1 text-sm font-medium transition-colors",
      active ? "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900",
    );
  const arrowKeys = (values: readonly string[], current: string, set: (value: never) => void) => (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const index = values.indexOf(current);
    const next = values[(index + (event.key === "ArrowRight" ? 1 : values.length - 1)) % values.length]!;
    set(next as never);
    document.getElementById(`${ids}-tab-${next}`)?.focus();
  };

  return (
    <section
      aria-labelledby={`${ids}-heading`}
      className={cn("rounded-xl border shadow-xs transition-colors", isNote ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white")}
    >
      <h2 id={`${ids}-heading`} className="sr-only">
        {t("heading")}
      </h2>
      <div className={cn("flex flex-wrap items-center justify-between gap-2 border-b px-3 py-2", isNote ? "border-amber-200" : "border-slate-100")}>
        <div role="tablist" aria-label={t("kind")} className="flex gap-1 rounded-lg bg-slate-100 p-0.5">
          {(["reply", "note"] as const).map((value) => (
            <button
              key={value}
              id={`${ids}-tab-${value}`}
              type="button"
              role="tab"
              aria-selected={kind === value}
              aria-controls={`${ids}-panel`}
              tabIndex={kind === value ? 0 : -1}
              className={tab(kind === value)}
              onClick={() => setKind(value)}
              onKeyDown={arrowKeys(["reply", "note"], kind, setKind)}
            >
              {value === "reply" ? t("reply") : t("note")}
            </button>
          ))}
        </div>
        <div role="tablist" aria-label={t("view")} className="flex gap-1">
          {(["write", "preview"] as const).map((value) => (
            <button
              key={value}
              id={`${ids}-tab-${value}`}
              type="button"
              role="tab"
              aria-selected={mode === value}
              aria-controls={`${ids}-panel`}
              tabIndex={mode === value ? 0 : -1}
              className={tab(mode === value)}
              onClick={() => setMode(value)}
              onKeyDown={arrowKeys(["write", "preview"], mode, setMode)}
            >
              {value === "write" ? t("write") : t("preview")}
            </button>
          ))}
        </div>
      </div>

      <div className="flex flex-col gap-2 px-3 py-3">
        {isNote ? <p className="text-xs font-medium text-amber-800">{t("noteHint")}</p> : null}
        {typingOthers.length > 0 ? (
          <p className="text-xs font-medium text-amber-700" role="status">
            {t("othersTyping", { names: typingOthers.join(", "), count: typingOthers.length })}
          </p>
        ) : null}
        <div id={`${ids}-panel`} role="tabpanel" aria-labelledby={`${ids}-tab-${kind}`}>
          {mode === "write" ? (
            <textarea
              ref={textarea}
              value={body}
              rows={6}
              aria-label={isNote ? t("noteLabel") : t("replyLabel")}
              aria-describedby={`${ids}-help`}
              aria-invalid={unknown.length > 0 || undefined}
              placeholder={isNote ? t("notePlaceholder") : t("replyPlaceholder")}
              onChange={(e) => change(e.target.value, true)}
              onKeyDown={onKeyDown}
              className={cn(
                "block min-h-32 w-full resize-y rounded-lg border px-3 py-2 text-sm leading-relaxed text-slate-900 shadow-xs placeholder:text-slate-400 focus-visible:border-brand-500",
                isNote ? "border-amber-300 bg-white" : "border-slate-300 bg-white",
                unknown.length > 0 && "border-red-500",
              )}
            />
          ) : (
            <Preview body={body} values={values} withSignature={!isNote} desk={desk.slug} />
          )}
        </div>

        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" variant="secondary" size="sm" onClick={() => setPickerOpen(true)} aria-keyshortcuts="Control+/ Meta+/">
            <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
              <path d="M3 3.5h10M3 6.5h10M3 9.5h6M3 12.5h4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
            </svg>
            {t("canned")}
          </Button>
          <KbLinkButton onClick={() => setLinkPickerOpen(true)} />
          <MacroHint onInsert={insert} className="min-w-0 flex-1" />
        </div>

        {cannedTitle || cannedTags.length > 0 ? (
          <div className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
            {cannedTitle ? <span>{t("usedCanned", { title: cannedTitle })}</span> : null}
            {cannedTags.length > 0 ? (
              <>
                <span>{t("addsTags")}</span>
                {cannedTags.map((tag) => (
                  <Badge key={tag}>{tag}</Badge>
                ))}
                <Button variant="link" size="sm" className="h-auto text-xs" onClick={() => setCannedTags([])}>
                  {t("dontAddTags")}
                </Button>
              </>
            ) : null}
          </div>
        ) : null}

        {unknown.length > 0 && !error ? (
          <p className="text-sm text-red-700" role="alert">
            {errorText(unknownMessage(unknown))}
          </p>
        ) : null}
        {conflict ? (
          <Alert variant="warning" title={t("conflictTitle")}>
            {errorText({ key: "ticket.changedSinceLoaded" })}
          </Alert>
        ) : null}
        {error ? <Alert variant="error">{errorText(error)}</Alert> : null}
        {stale && !conflict ? <p className="text-xs text-sky-800">{t("stale")}</p> : null}
        <AttachmentPicker state={attachments} />

        <div className="flex flex-wrap items-end justify-between gap-3 pt-1">
          <div className="flex items-center gap-2">
            <label htmlFor={`${ids}-status`} className="text-sm whitespace-nowrap text-slate-600">
              {t("statusAfter")}
            </label>
            <NativeSelect id={`${ids}-status`} wrapperClassName="w-auto" className="h-8" value={status} onChange={(e) => setStatusAfter(e.target.value as StatusChoice)}>
              <option value="keep">{t("keepStatus", { status: tStatus(ticket.status) })}</option>
              {statuses.map((value) => (
                <option key={value} value={value}>
                  {tStatus(value)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="button" loading={reply.isPending || resyncing} disabled={attachments.uploading} onClick={() => void send()} aria-keyshortcuts="Control+Enter Meta+Enter">
            {isNote ? t("sendNote") : t("sendReply")}
          </Button>
        </div>
        <p id={`${ids}-help`} className="text-xs text-slate-500">
          {isNote ? t("noteFooter") : t.rich("signatureFooter", { link: (chunks) => <Link href={`/d/${desk.slug}/profile`} className="underline hover:text-slate-700">{chunks}</Link> })}{" "}
          {t("shortcuts")}
        </p>
      </div>
      <CannedPicker desk={desk.slug} open={pickerOpen} onOpenChange={setPickerOpen} onChoose={chooseCanned} />
      <KbLinkPicker desk={desk.slug} open={linkPickerOpen} onOpenChange={setLinkPickerOpen} onChoose={(article) => insert(articleLink(article))} />
    </section>
  );
}

/** What the message will look like: placeholders filled in, Markdown rendered, the signature added. */
function Preview({ body, values, withSignature, desk }: { body: string; values: MacroValues; withSignature: boolean; desk: string }) {
  const t = useTranslations("ticket.composer");
  const trpc = useTRPC();
  const profile = useQuery(trpc.account.profile.queryOptions({ desk }, { enabled: withSignature }));
  const signature = withSignature ? (profile.data?.signature.trim() ?? "") : "";
  const text = renderMacros(body, values);
  return (
    <div className="min-h-32 rounded-lg border border-slate-200 bg-white px-3 py-2">
      {body.trim() ? <MarkdownBody text={signature ? `${text}\n\n${signature}` : text} /> : <p className="text-sm text-slate-400">{t("nothingToPreview")}</p>}
    </div>
  );
}
