"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { MailStatusBadge, useMailKind } from "./mail-status";
import type { OutboxMessage } from "@/server/outbox/schema";

type Props = { message: OutboxMessage | null; timeZone: string; onClose: () => void };

/** One mail in full: its details and the plain-text body, with links that work. */
export function MailMessageDialog({ message, timeZone, onClose }: Props) {
  return (
    <Dialog open={message !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent size="lg">{message ? <MailMessage message={message} timeZone={timeZone} /> : null}</DialogContent>
    </Dialog>
  );
}

function MailMessage({ message, timeZone }: { message: OutboxMessage; timeZone: string }) {
  const t = useTranslations("panel.settings.mail");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const kind = useMailKind();
  const [copied, setCopied] = useState<boolean | null>(null);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });

  async function copy() {
    try {
      await navigator.clipboard.writeText(message.textBody);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  const details: [string, React.ReactNode][] = [
    [t("to"), message.toAddress],
    [t("kind"), kind(message.kind)],
    [t("statusLabel"), <MailStatusBadge key="status" status={message.status} />],
    [t("created"), when(message.createdAt)],
    ...(message.sentAt ? [[t("sentAt"), when(message.sentAt)] as [string, React.ReactNode]] : []),
    [t("attempts"), message.attempts],
    ...(message.lastError ? [[t("lastError"), <span key="error" className="text-red-700">{message.lastError}</span>] as [string, React.ReactNode]] : []),
  ];

  return (
    <>
      <DialogHeader>
        <DialogTitle className="break-words">{message.subject}</DialogTitle>
        <DialogDescription>{t("dialogDescription")}</DialogDescription>
      </DialogHeader>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {details.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-500">{term}</dt>
            <dd className="min-w-0 break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-label={t("body")} className="max-h-96 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 p-4">
        <p className="font-mono text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-800">{linkify(message.textBody)}</p>
      </section>
      <DialogFooter className="items-center">
        <span aria-live="polite" className="text-sm text-slate-600 sm:mr-auto">
          {copied === true ? t("copied") : copied === false ? t("copyFailed") : ""}
        </span>
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {t("copy")}
        </Button>
        <DialogClose asChild>
          <Button type="button">{tCommon("close")}</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}

/** Makes the http(s) addresses of a plain-text mail clickable (React escapes the rest). */
function linkify(body: string): React.ReactNode[] {
  return body.split(/(https?:\/\/[^\s<>"')]+)/g).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline underline-offset-2 break-all">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
