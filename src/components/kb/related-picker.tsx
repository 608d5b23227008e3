"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { CloseIcon } from "@/components/ui/icon";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { useTRPC } from "@/trpc/react";
import { relatedMax } from "./limits";

/** "Related articles" at the end of an article: chosen from the desk's others, up to ten, in order. */
export function RelatedPicker({
  desk,
  selfId,
  value,
  known,
  onChange,
  error,
}: {
  desk: string;
  selfId: string | null;
  value: string[];
  /** Titles already known (the article's current related ones), while the list loads. */
  known: { id: string; title: string }[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const t = useTranslations("kb.editor.related");
  const ids = useId();
  const trpc = useTRPC();
  const articles = useQuery(trpc.kb.articles.queryOptions({ desk }));
  const others = (articles.data ?? []).filter((a) => a.id !== selfId);
  const titleOf = (id: string) => others.find((a) => a.id === id)?.title ?? known.find((a) => a.id === id)?.title;
  const choices = others.filter((a) => !value.includes(a.id));
  const full = value.length >= relatedMax;
  const describedBy = [error ? `${ids}-error` : null, `${ids}-hint`].filter(Boolean).join(" ");

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={`${ids}-add`} className="text-sm leading-5 font-medium text-slate-800">
        {t("label")}
      </label>
      {value.length > 0 ? (
        <ul aria-label={t("chosen")} className="flex flex-col gap-1">
          {value.map((id) => (
            <li key={id} className="flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 py-1 pr-1 pl-3 text-sm text-slate-800">
              <span className="min-w-0 flex-1 truncate">{titleOf(id) ?? t("unknown")}</span>
              <button
                type="button"
                aria-label={t("remove", { title: titleOf(id) ?? t("unknown") })}
                onClick={() => onChange(value.filter((v) => v !== id))}
                className="inline-flex size-7 shrink-0 cursor-pointer items-center justify-center rounded-md text-slate-500 hover:bg-slate-200 hover:text-slate-900"
              >
                <CloseIcon className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <NativeSelect
        id={`${ids}-add`}
        value=""
        disabled={full || choices.length === 0}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          if (e.target.value) onChange([...value, e.target.value]);
        }}
      >
        <option value="">{articles.isPending ? t("loading") : choices.length === 0 && !full ? t("noneLeft") : t("add")}</option>
        <Options items={choices} value={(article) => article.id} label={(article) => article.status === "draft" ? t("draftTitle", { title: article.title }) : article.title} />
      </NativeSelect>
      {error ? (
        <p id={`${ids}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <p id={`${ids}-hint`} className="text-sm text-slate-500">
        {full ? t("full", { max: relatedMax }) : t("hint", { max: relatedMax })}
      </p>
    </div>
  );
}
