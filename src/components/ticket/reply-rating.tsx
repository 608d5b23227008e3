"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import type { TicketData } from "./shared";

export type ReplyRatingData = TicketData["ratings"][number];

const starPath = "M8 1.5l1.9 4 4.35.5-3.23 2.97.87 4.3L8 11.1l-3.89 2.17.87-4.3L1.75 6l4.35-.5L8 1.5Z";

/** Five stars, filled up to `value` (1–5; an average fills part of a star). Read as "4 of 5". */
export function Stars({ value, label, className }: { value: number; label: string; className?: string }) {
  return (
    <span role="img" aria-label={label} title={label} className={cn("inline-flex items-center gap-0.5", className)}>
      {Array.from({ length: 5 }, (_, i) => {
        const fill = Math.max(0, Math.min(1, value - i));
        return (
          <span key={i} aria-hidden="true" className="relative inline-block size-4">
            <svg viewBox="0 0 16 16" className="absolute inset-0 size-4 text-slate-300">
              <path d={starPath} fill="currentColor" />
            </svg>
            {fill > 0 ? (
              <span className="absolute inset-y-0 left-0 overflow-hidden" style={{ width: `${fill * 100}%` }}>
                <svg viewBox="0 0 16 16" className="size-4 text-amber-500">
                  <path d={starPath} fill="currentColor" />
                </svg>
              </span>
            ) : null}
          </span>
        );
      })}
    </span>
  );
}

/** The customer's rating of one public reply, under it: seen by owners and admins only (the server sends none to agents). */
export function ReplyRating({ rating }: { rating: ReplyRatingData }) {
  const t = useTranslations("widgetAdmin.replyRating");
  const comment = rating.comment.trim();
  return (
    <section aria-label={t("label")} className="mt-3 ml-9.5 rounded-lg border border-amber-200 bg-amber-50/60 px-3 py-2 text-sm" data-testid="reply-rating">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span className="text-xs font-semibold tracking-wide text-amber-900 uppercase">{t("title")}</span>
        <span className="inline-flex items-center gap-1.5">
          <span className="text-slate-600">{t("quality")}</span>
          <Stars value={rating.quality} label={t("stars", { value: rating.quality })} />
          <span aria-hidden="true" className="text-xs text-slate-500 tabular-nums">{rating.quality}/5</span>
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="text-slate-600">{t("speed")}</span>
          <Stars value={rating.speed} label={t("stars", { value: rating.speed })} />
          <span aria-hidden="true" className="text-xs text-slate-500 tabular-nums">{rating.speed}/5</span>
        </span>
      </div>
      {comment ? (
        <blockquote className="mt-1.5 border-l-2 border-amber-300 pl-2.5 break-words whitespace-pre-wrap text-slate-800">
          <span className="sr-only">{t("comment")}: </span>
          {comment}
        </blockquote>
      ) : null}
    </section>
  );
}
