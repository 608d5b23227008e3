"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { useLocalFormat } from "./use-local-format";

/**
 * The invitation link, shown once after inviting or resending: readable, selectable and copyable.
 * The input is what tests read ("Invitation link").
 */
export function InvitationLink({ link, email, expiresAt }: { link: string; email: string; expiresAt: Date | null }) {
  const t = useTranslations("staff.link");
  const format = useLocalFormat();
  const inputRef = useRef<HTMLInputElement>(null);
  const noteId = useId();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (copy !== "copied") return;
    const timer = window.setTimeout(() => setCopy("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [copy]);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      setCopy("copied");
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it for Ctrl+C instead.
      inputRef.current?.select();
      setCopy(document.execCommand?.("copy") ? "copied" : "failed");
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-2">
        <Input
          ref={inputRef}
          readOnly
          value={link}
          aria-label={t("label")}
          aria-describedby={noteId}
          onFocus={(event) => event.currentTarget.select()}
          className="font-mono text-xs"
        />
        <Button type="button" variant="secondary" onClick={() => void copyLink()} className="min-w-28">
          {copy === "copied" ? (
            <>
              <CheckIcon />
              {t("copied")}
            </>
          ) : (
            <>
              <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
                <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" stroke="currentColor" strokeWidth="1.5" />
                <path d="M10.5 3.5v-.25A1.25 1.25 0 0 0 9.25 2h-5A1.25 1.25 0 0 0 3 3.25v5A1.25 1.25 0 0 0 4.25 9.5h.25" stroke="currentColor" strokeWidth="1.5" />
              </svg>
              {t("copy")}
            </>
          )}
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {copy === "copied" ? t("copiedAnnouncement") : ""}
      </p>
      {copy === "failed" ? <p className="text-sm text-amber-800">{t("copyFailed")}</p> : null}
      <p id={noteId} className="text-sm text-slate-500">
        {expiresAt
          ? t("note", { email, expires: format.dateTime(expiresAt, { dateStyle: "medium", timeStyle: "short" }) })
          : t("noteNoDate", { email })}
      </p>
    </div>
  );
}
