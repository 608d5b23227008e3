"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SegmentedChoice } from "@/components/ui/segmented-tabs";
import { Button } from "@/components/ui/button";
import type { TicketMessage } from "./shared";

/** Why an imported mail joined this ticket, what was kept out of it, and why it was held. */
export function MailFacts({ message }: { message: TicketMessage }) {
  const t = useTranslations("ticket.conversation");
  const lines: string[] = [];
  if (message.matchedBy) lines.push(t(`matchedBy.${message.matchedBy}`));
  if (message.spamReason) lines.push(t("spamReason", { reason: message.spamReason }));
  for (const part of message.withheld) {
    const reason = t.has(`withheldReason.${part.reason}`) ? t(`withheldReason.${part.reason}` as "withheldReason.blocked") : part.reason;
    lines.push(t("withheld", { name: part.fileName, reason }));
  }
  if (!lines.length) return null;
  return (
    <ul className="mt-2 space-y-0.5 pl-9.5 text-xs text-slate-500" data-testid="mail-facts">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/**
 * An imported mail "as sent": its sanitised HTML in a sandboxed frame that runs nothing and loads
 * no remote content until the agent asks ("Show images"); "Plain text" is the stored text.
 */
export function MailAsSent({ desk, originalId, children }: { desk: string; originalId: string; children: React.ReactNode }) {
  const t = useTranslations("ticket.conversation");
  const [view, setView] = useState<"text" | "html">("text");
  const [images, setImages] = useState(false);
  const src = `/api/mail/view/${originalId}?desk=${encodeURIComponent(desk)}${images ? "&images=1" : ""}`;
  return (
    <div className="pl-9.5">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <SegmentedChoice
          label={t("htmlFrame")}
          size="px-2 py-0.5 text-xs"
          value={view}
          onChange={setView}
          values={["text", "html"] as const}
          labelOf={(value) => (value === "html" ? t("asSent") : t("plainText"))}
        />
        {view === "html" && !images ? (
          <Button variant="ghost" size="sm" onClick={() => setImages(true)}>
            {t("showImages")}
          </Button>
        ) : null}
      </div>
      {view === "html" ? (
        <iframe
          key={src}
          src={src}
          title={t("htmlFrame")}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          className="h-96 w-full resize-y rounded-md border border-slate-200 bg-white"
        />
      ) : (
        children
      )}
    </div>
  );
}
