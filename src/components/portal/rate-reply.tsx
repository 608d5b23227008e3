"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { ratingFields } from "@/server/portal/inputs";
import { useTRPC } from "@/trpc/react";
import { portalCallError } from "./errors";
import { StarIcon } from "./icons";
import { StarRating, StarsShown } from "./star-rating";

type Rating = { quality: number; speed: number; comment: string };

const scale = [1, 2, 3, 4, 5] as const;

/**
 * "Rate this answer" under a reply: quality and speed from 1 to 5 and an optional comment. A given
 * rating is shown with "Change" while it may still be changed, read-only afterwards. The mail's
 * rating link opens the form (nothing is saved until the customer sends it).
 */
export function RateReply({
  token,
  number,
  messageId,
  rating,
  rateable,
  startOpen,
}: {
  token: string;
  number: number | null;
  messageId: string;
  rating: Rating | null;
  rateable: boolean;
  startOpen: boolean;
}) {
  const t = useTranslations("portal.rating");
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const ids = useId();
  const rate = useMutation(trpc.portal.rate.mutationOptions());
  const [open, setOpen] = useState(startOpen && rateable);
  const [given, setGiven] = useState<Rating | null>(null);
  const [quality, setQuality] = useState<number | null>(rating?.quality ?? null);
  const [speed, setSpeed] = useState<number | null>(rating?.speed ?? null);
  const [comment, setComment] = useState(rating?.comment ?? "");
  const [error, setError] = useState<ErrorMessage>(null);
  const [incomplete, setIncomplete] = useState(false);
  const [thanks, setThanks] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const shown = given ?? rating;

  // Arriving from the mail's "Rate this answer" link: bring the form into view.
  useEffect(() => {
    if (!startOpen) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "center" });
  }, [startOpen]);

  function choose(set: (value: number) => void, value: number) {
    set(value);
    setIncomplete(false);
  }

  function openForm() {
    setError(null);
    setThanks(false);
    setOpen(true);
    requestAnimationFrame(() => heading.current?.focus());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setIncomplete(quality === null || speed === null);
    if (quality === null || speed === null) return;
    try {
      const saved = await rate.mutateAsync({ token, number, messageId, quality, speed, comment: comment.trim() });
      setGiven(saved);
      setOpen(false);
      setThanks(true);
      router.refresh();
      requestAnimationFrame(() => changeButton.current?.focus());
    } catch (failure) {
      setError(portalCallError(failure));
    }
  }

  const words = {
    quality: scale.map((n) => t(`quality.${n}`)),
    speed: scale.map((n) => t(`speed.${n}`)),
  };
  const labels = (kind: "quality" | "speed") => scale.map((n) => t("option", { value: n, word: words[kind][n - 1]! }));

  if (open) {
    return (
      <form method="post" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby={`${ids}-title`} className="mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
        <h4 id={`${ids}-title`} ref={heading} tabIndex={-1} className="text-sm font-semibold text-slate-900">
          {t("title")}
        </h4>
        <p className="mt-0.5 text-sm text-slate-500">{t("intro")}</p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <StarRating name={`${ids}-quality`} legend={t("qualityLegend")} words={words.quality} labels={labels("quality")} value={quality} onChange={(value) => choose(setQuality, value)} />
          <StarRating name={`${ids}-speed`} legend={t("speedLegend")} words={words.speed} labels={labels("speed")} value={speed} onChange={(value) => choose(setSpeed, value)} />
        </div>
        <Field label={t("comment")} hint={t("commentHint")} className="mt-4">
          <Textarea rows={3} maxLength={maxLengthOf(ratingFields.comment)} value={comment} onChange={(event) => setComment(event.target.value)} />
        </Field>
        {incomplete || error ? (
          <Alert variant="error" className="mt-4">
            {incomplete ? t("chooseBoth") : errorText(error)}
          </Alert>
        ) : null}
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <Button type="submit" loading={rate.isPending}>
            {shown ? t("update") : t("submit")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            disabled={rate.isPending}
            onClick={() => {
              setOpen(false);
              setError(null);
              setIncomplete(false);
            }}
          >
            {tCommon("cancel")}
          </Button>
        </div>
        <noscript>
          <p className="mt-3 text-sm text-amber-800">{t("needsScript")}</p>
        </noscript>
      </form>
    );
  }

  if (!shown) {
    if (!rateable) return null;
    return (
      <div className="mt-4">
        <Button type="button" variant="secondary" size="sm" onClick={openForm}>
          <StarIcon className="text-amber-500" />
          {t("rate")}
        </Button>
      </div>
    );
  }

  return (
    <div className="mt-4 flex flex-col gap-2">
      {thanks ? (
        <p role="status" className="text-sm font-medium text-emerald-700">
          {t("thanks")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-slate-200 bg-white px-3.5 py-2.5 text-sm">
        <span className="font-medium text-slate-700">{t("yours")}</span>
        <span className="inline-flex items-center gap-1.5 text-slate-600">
          {t("qualityShort")}
          <StarsShown value={shown.quality} label={t("shownLabel", { value: shown.quality })} />
        </span>
        <span className="inline-flex items-center gap-1.5 text-slate-600">
          {t("speedShort")}
          <StarsShown value={shown.speed} label={t("shownLabel", { value: shown.speed })} />
        </span>
        {rateable ? (
          <Button ref={changeButton} type="button" variant="link" size="sm" className="ml-auto" onClick={openForm} aria-label={t("changeLabel")}>
            {t("change")}
          </Button>
        ) : (
          <span className="ml-auto text-xs text-slate-400">{t("final")}</span>
        )}
        {shown.comment ? <p className="w-full text-slate-600 italic break-words whitespace-pre-wrap">“{shown.comment}”</p> : null}
      </div>
    </div>
  );
}
