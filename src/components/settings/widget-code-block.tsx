"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

export type CopyState = "idle" | "copied" | "failed";

/** Copies text to the clipboard and remembers for a moment whether it worked (for "Copied" feedback). */
export function useCopy() {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  async function copy(text: string) {
    if (timer.current) clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    timer.current = setTimeout(() => setState("idle"), 4000);
  }
  return { state, copy };
}

/** Read-only code with a Copy button; the result of copying is announced politely. */
export function CodeBlock({
  code,
  label,
  copyLabel,
  copiedText,
  failedText,
  wrap = false,
  className,
}: {
  code: string;
  /** Names the code region for assistive technology. */
  label: string;
  copyLabel: string;
  copiedText: string;
  failedText: string;
  /** Wrap long lines (a one-line snippet) instead of scrolling sideways. */
  wrap?: boolean;
  className?: string;
}) {
  const { state, copy } = useCopy();
  return (
    <div className={cn("flex flex-col gap-2", className)}>
      <pre
        role="region"
        aria-label={label}
        tabIndex={0}
        className={cn(
          "overflow-x-auto rounded-lg border border-slate-800 bg-slate-900 px-4 py-3 font-mono text-[13px] leading-relaxed text-slate-100",
          wrap && "whitespace-pre-wrap [overflow-wrap:anywhere]",
        )}
      >
        <code>{code}</code>
      </pre>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" size="sm" onClick={() => void copy(code)}>
          <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
            <rect x="5.25" y="5.25" width="8" height="8" rx="1.5" stroke="currentColor" strokeWidth="1.5" />
            <path d="M10.75 5.25v-1.5a1.5 1.5 0 0 0-1.5-1.5h-5a1.5 1.5 0 0 0-1.5 1.5v5a1.5 1.5 0 0 0 1.5 1.5h1.5" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          {copyLabel}
        </Button>
        <span aria-live="polite" className={cn("text-sm", state === "failed" ? "text-red-700" : "text-emerald-700")}>
          {state === "copied" ? copiedText : state === "failed" ? failedText : ""}
        </span>
      </div>
    </div>
  );
}
