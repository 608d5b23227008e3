"use client";

import { useMemo } from "react";
import { cn } from "@/lib/cn";
import { markdownTypography } from "@/components/ui/markdown-typography";
import { renderMarkdown } from "@/lib/markdown";

/** A message body's text: the panel's size and colour over the shared Markdown typography. */
export const markdownClassName = cn("text-sm leading-relaxed break-words text-slate-800", markdownTypography);

/** A message body: Markdown rendered and sanitised by renderMarkdown — never raw HTML. */
export function MarkdownBody({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className={cn(markdownClassName, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
