"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useImperativeHandle, useRef, useState } from "react";
import { CannedPicker } from "@/components/canned/canned-picker";
import { MacroHint } from "@/components/canned/macro-hint";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MarkdownField, type MarkdownFieldHandle } from "@/components/ui/markdown-field";
import { SegmentedTabs } from "@/components/ui/segmented-tabs";
import { cn } from "@/lib/cn";
import { unknownMacros, type MacroValues } from "@/lib/macros";
import { useTRPC } from "@/trpc/react";
import { callError } from "./errors";
import { viewerCan, type CannedReply } from "./shared";
import { useTicket } from "./ticket-context";
import { AttachmentPicker, useAttachments } from "./attachments";
import { CannedNote, ReplyPreview, StatusAfterSelect, type StatusChoice } from "./composer-parts";
import { articleLink, KbLinkButton, KbLinkPicker } from "./kb-link-picker";

const kinds = ["reply", "note"] as const;
type Kind = (typeof kinds)[number];

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
  const field = useRef<MarkdownFieldHandle>(null);

  const status: StatusChoice = statusAfter ?? (kind === "reply" ? "pending" : "keep");
  const unknown = unknownMacros(body);

  useImperativeHandle(ref, () => ({
    focus(next: Kind) {
      setKind(next);
      setMode("write");
      requestAnimationFrame(() => field.current?.focus());
    },
  }));

  const change = useCallback(
    (next: string, typed: boolean) => {
      setBody(next);
      onDraftChange(next.trim() === "");
      if (typed) onTyping();
      setError(null);
    },
    [onDraftChange, onTyping],
  );

  // A canned reply goes on its own paragraph when inserted after some text.
  const insert = (text: string) =>
    field.current?.insert(text, (before) => [text.includes("\n") && before !== "" && !before.endsWith("\n") ? "\n\n" : "", ""]);

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
      field.current?.focus();
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
  return (
    <MarkdownField
      ref={field}
      idPrefix={ids}
      value={body}
      onChange={(next) => change(next, true)}
      mode={mode}
      onModeChange={setMode}
      tabsLabel={t("view")}
      writeLabel={t("write")}
      previewLabel={t("preview")}
      tabsClassName="flex gap-1"
      panelLabelledBy={`${ids}-tab-${kind}`}
      textarea={{
        rows: 6,
        "aria-label": isNote ? t("noteLabel") : t("replyLabel"),
        "aria-describedby": `${ids}-help`,
        "aria-invalid": unknown.length > 0 || undefined,
        placeholder: isNote ? t("notePlaceholder") : t("replyPlaceholder"),
        onKeyDown,
        className: cn(
          "block min-h-32 w-full resize-y rounded-lg border px-3 py-2 text-sm leading-relaxed text-slate-900 shadow-xs placeholder:text-slate-400 focus-visible:border-brand-500",
          isNote ? "border-amber-300 bg-white" : "border-slate-300 bg-white",
          unknown.length > 0 && "border-red-500",
        ),
      }}
      preview={() => <ReplyPreview body={body} values={values} withSignature={!isNote} desk={desk.slug} />}
      layout={(writeTabs, writePanel) => (
        <section
          aria-labelledby={`${ids}-heading`}
          className={cn("rounded-xl border shadow-xs transition-colors", isNote ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white")}
        >
          <h2 id={`${ids}-heading`} className="sr-only">
            {t("heading")}
          </h2>
          <div className={cn("flex flex-wrap items-center justify-between gap-2 border-b px-3 py-2", isNote ? "border-amber-200" : "border-slate-100")}>
            <SegmentedTabs idPrefix={ids} label={t("kind")} values={kinds} value={kind} onChange={setKind} labelOf={(value) => (value === "reply" ? t("reply") : t("note"))} />
            {writeTabs}
          </div>

          <div className="flex flex-col gap-2 px-3 py-3">
            {isNote ? <p className="text-xs font-medium text-amber-800">{t("noteHint")}</p> : null}
            {typingOthers.length > 0 ? (
              <p className="text-xs font-medium text-amber-700" role="status">
                {t("othersTyping", { names: typingOthers.join(", "), count: typingOthers.length })}
              </p>
            ) : null}
            {writePanel}

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

            <CannedNote title={cannedTitle} tags={cannedTags} onDropTags={() => setCannedTags([])} />

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
              <StatusAfterSelect id={`${ids}-status`} current={ticket.status} value={status} onChange={setStatusAfter} />
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
      )}
    />
  );
}
