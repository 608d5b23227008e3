"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useSyncExternalStore } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { portalCallError } from "./errors";
import { ThumbIcon } from "./kb-icons";
import { StarRating } from "./star-rating";

type Vote = { helpful: boolean; score: number | null };

const visitorStorageKey = "deskhand:kb-visitor";
const voteStorageKey = (articleId: string) => `deskhand:kb-vote:${articleId}`;
const visitorKeyPattern = /^[A-Za-z0-9_-]{16,64}$/;
const scale = [1, 2, 3, 4, 5] as const;

let memoryVisitorKey: string | null = null;

/** The visitor's random id (24 bytes, base64url), kept in this browser so voting again changes the vote. */
function visitorKey(): string {
  try {
    const kept = localStorage.getItem(visitorStorageKey);
    if (kept && visitorKeyPattern.test(kept)) return kept;
  } catch {
    // Storage refused (private mode): one id for this page's life.
  }
  if (!memoryVisitorKey) {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    memoryVisitorKey = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  try {
    localStorage.setItem(visitorStorageKey, memoryVisitorKey);
  } catch {}
  return memoryVisitorKey;
}

function readVote(raw: string | null): Vote | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { helpful, score } = value as Record<string, unknown>;
    if (typeof helpful !== "boolean") return null;
    return { helpful, score: typeof score === "number" && score >= 1 && score <= 5 ? score : null };
  } catch {
    return null;
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};

/**
 * "Was this article helpful?": Yes or No, then an optional 1–5 score. This browser remembers the
 * answer (the server keeps one vote per visitor id), so a returning visitor sees it and may change it.
 * `stats` ("12 of 15 people found this helpful") is the count when the page was rendered.
 */
export function ArticleFeedback({ desk, articleId, stats }: { desk: string; articleId: string; stats: string | null }) {
  const t = useTranslations("portal.feedback");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const ids = useId();
  const vote = useMutation(trpc.helpCenter.vote.mutationOptions());
  const stored = useSyncExternalStore(
    subscribe,
    () => {
      try {
        return localStorage.getItem(voteStorageKey(articleId));
      } catch {
        return null;
      }
    },
    () => null,
  );
  const [local, setLocal] = useState<Vote | null>(null);
  const [editing, setEditing] = useState(false);
  const [score, setScore] = useState<number | null>(null);
  const [news, setNews] = useState<"thanks" | "changed" | "scored" | null>(null);
  const [error, setError] = useState<ErrorMessage>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);
  const given = local ?? readVote(stored);

  async function send(next: Vote, kind: "thanks" | "changed" | "scored") {
    setError(null);
    try {
      await vote.mutateAsync({ desk, articleId, visitorKey: visitorKey(), helpful: next.helpful, score: next.score });
      setLocal(next);
      try {
        localStorage.setItem(voteStorageKey(articleId), JSON.stringify(next));
      } catch {}
      setEditing(false);
      setScore(null);
      setNews(kind);
      requestAnimationFrame(() => status.current?.focus());
    } catch (failure) {
      setError(portalCallError(failure));
    }
  }

  const answer = (helpful: boolean) => void send({ helpful, score: given?.score ?? null }, given ? "changed" : "thanks");
  const asking = !given || editing;
  const words = scale.map((n) => t(`score.${n}`));

  return (
    <section aria-labelledby={`${ids}-title`} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
      {asking ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id={`${ids}-title`} className="font-semibold text-slate-900">
            {t("question")}
          </h2>
          <div className="flex gap-2">
            {([true, false] as const).map((helpful) => (
              <Button
                key={String(helpful)}
                ref={helpful ? yesButton : undefined}
                type="button"
                variant="secondary"
                aria-pressed={editing && given ? given.helpful === helpful : undefined}
                disabled={vote.isPending}
                onClick={() => answer(helpful)}
                className="min-w-24 aria-pressed:border-brand-500 aria-pressed:bg-brand-50 aria-pressed:text-brand-700"
              >
                <ThumbIcon down={!helpful} />
                {helpful ? t("yes") : t("no")}
              </Button>
            ))}
            {editing ? (
              <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
                {t("keep")}
              </Button>
            ) : null}
          </div>
          {stats ? <p className="w-full text-sm text-slate-500">{stats}</p> : null}
          <noscript>
            <p className="w-full text-sm text-amber-800">{t("needsScript")}</p>
          </noscript>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
            <div>
              <h2 id={`${ids}-title`} className="font-semibold text-slate-900">
                {t("question")}
              </h2>
              <p ref={status} tabIndex={-1} role="status" className="mt-1 text-sm text-slate-600">
                {news === "scored"
                  ? t("scored")
                  : news === "changed"
                    ? t("changed")
                    : news === "thanks"
                      ? t(given.helpful ? "thanksYes" : "thanksNo")
                      : t(given.helpful ? "yoursYes" : "yoursNo")}
              </p>
            </div>
            <Button
              type="button"
              variant="link"
              size="sm"
              onClick={() => {
                setEditing(true);
                setNews(null);
                setError(null);
                requestAnimationFrame(() => yesButton.current?.focus());
              }}
            >
              {t("change")}
            </Button>
          </div>
          <form
            method="post"
            className="flex flex-wrap items-end gap-x-4 gap-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (score !== null && !vote.isPending) void send({ helpful: given.helpful, score }, "scored");
            }}
          >
            <StarRating
              name={`${ids}-score`}
              legend={t("scoreLegend")}
              words={words}
              labels={scale.map((n) => t("scoreOption", { value: n, word: words[n - 1]! }))}
              value={score ?? given.score}
              onChange={setScore}
            />
            <Button type="submit" variant="secondary" size="sm" loading={vote.isPending} disabled={score === null || score === given.score} className="mb-1.5">
              {given.score ? t("updateScore") : t("sendScore")}
            </Button>
          </form>
        </div>
      )}
      {error ? (
        <Alert variant="error" className="mt-4">
          {errorText(error)}
        </Alert>
      ) : null}
    </section>
  );
}
