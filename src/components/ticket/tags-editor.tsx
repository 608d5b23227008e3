"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useErrorText } from "@/components/forms/errors";
import { maxTags, normalizeTag } from "./shared";
import { useTicket } from "./ticket-context";
import { useUpdateTicket } from "./use-update-ticket";
import { CloseIcon } from "@/components/ui/icon";

/** The ticket's tags as chips: Enter (or a comma) adds what is typed, × removes one. */
export function TagsEditor({ disabled }: { disabled: boolean }) {
  const t = useTranslations("ticket.tags");
  const errorText = useErrorText();
  const ids = useId();
  const { data } = useTicket();
  const tags = data.ticket.tags;
  const { update, pending, error } = useUpdateTicket();
  const [draft, setDraft] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);

  const add = async () => {
    const parts = draft.split(",").map((part) => part.trim()).filter(Boolean);
    if (parts.length === 0) return;
    const next = [...tags];
    for (const part of parts) {
      const tag = normalizeTag(part);
      if (!tag) {
        setInvalid("ticket.tagInvalid");
        return;
      }
      if (!next.includes(tag)) next.push(tag);
    }
    if (next.length > maxTags) {
      setInvalid("ticket.tooManyTags");
      return;
    }
    setInvalid(null);
    if (next.length === tags.length) {
      setDraft("");
      return;
    }
    if (await update({ tags: next })) setDraft("");
  };

  const remove = (tag: string) => void update({ tags: tags.filter((x) => x !== tag) });
  const message = invalid ?? error ?? null;

  return (
    <div className="flex flex-col gap-2">
      {tags.length > 0 ? (
        <ul aria-label={t("label")} className="flex flex-wrap gap-1.5">
          {tags.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-md bg-slate-100 py-0.5 pr-1 pl-2 text-xs font-medium text-slate-700 ring-1 ring-slate-500/15 ring-inset">
              {tag}
              {!disabled ? (
                <button
                  type="button"
                  aria-label={t("remove", { tag })}
                  disabled={pending}
                  onClick={() => remove(tag)}
                  className="inline-flex size-4 cursor-pointer items-center justify-center rounded text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                >
                  <CloseIcon className="size-3" strokeWidth={1.75} />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("none")}</p>
      )}
      {!disabled ? (
        <>
          <label htmlFor={`${ids}-tag`} className="sr-only">
            {t("add")}
          </label>
          <input
            id={`${ids}-tag`}
            value={draft}
            placeholder={t("placeholder")}
            autoComplete="off"
            maxLength={200}
            disabled={pending}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${ids}-error` : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setInvalid(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === ",") {
                e.preventDefault();
                void add();
              }
            }}
            className="h-8 w-full rounded-lg border border-slate-300 bg-white px-2.5 text-sm shadow-xs placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500 aria-invalid:border-red-500"
          />
          {message ? (
            <p id={`${ids}-error`} className="text-xs text-red-700">
              {invalid ? errorText(invalid) : message}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
