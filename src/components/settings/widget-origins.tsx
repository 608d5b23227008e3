"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useErrorText } from "@/components/forms/errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { normaliseOrigin } from "@/server/widget/inputs";

export const maxOrigins = 20;

/** The sites that may show the widget: a list with Remove buttons and a field to add one more. */
export function WidgetOrigins({
  origins,
  onChange,
  rowErrors,
}: {
  origins: string[];
  onChange: (origins: string[]) => void;
  /** Translated problems of single rows, by index (from the shared schema or the server). */
  rowErrors: Record<number, string | undefined>;
}) {
  const t = useTranslations("widgetAdmin.widget.origins");
  const errorText = useErrorText();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState("");
  const [draftError, setDraftError] = useState<string | undefined>();

  function add() {
    const origin = normaliseOrigin(draft);
    if (!origin) return setDraftError(errorText("widget.originInvalid"));
    if (origins.includes(origin)) return setDraftError(t("duplicate"));
    if (origins.length >= maxOrigins) return setDraftError(errorText("widget.tooManyOrigins"));
    onChange([...origins, origin]);
    setDraft("");
    setDraftError(undefined);
  }

  function remove(index: number) {
    onChange(origins.filter((_, i) => i !== index));
    input.current?.focus();
  }

  return (
    <div className="flex flex-col gap-4">
      {origins.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} id={listId} className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {origins.map((origin, index) => {
            const error = rowErrors[index];
            const errorId = `${listId}-${index}-error`;
            return (
              <li key={origin} className={cn("flex flex-col gap-1 px-3 py-2", error && "bg-red-50/60")} data-testid="allowed-origin">
                <div className="flex items-center gap-3">
                  <span className="min-w-0 flex-1 truncate font-mono text-sm text-slate-900" title={origin}>
                    {origin}
                  </span>
                  <Button
                    type="button"
                    variant="dangerGhost"
                    size="sm"
                    aria-label={t("removeLabel", { origin })}
                    aria-describedby={error ? errorId : undefined}
                    onClick={() => remove(index)}
                  >
                    {t("remove")}
                  </Button>
                </div>
                {error ? (
                  <p id={errorId} data-problem className="text-sm text-red-700">
                    {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <Field label={t("label")} error={draftError} className="flex-1">
          <Input
            ref={input}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={t("placeholder")}
            value={draft}
            maxLength={200}
            onChange={(event) => {
              setDraft(event.target.value);
              setDraftError(undefined);
            }}
            onKeyDown={(event) => {
              // Enter adds the site here; it must not submit the whole settings form.
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
          />
        </Field>
        <Button type="button" variant="secondary" className="sm:mt-6.5" onClick={add} disabled={draft.trim() === ""}>
          {t("add")}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t("count", { count: origins.length, max: maxOrigins })}</p>
    </div>
  );
}
