"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { maxLengthOf } from "@/components/forms/limits";
import { Field } from "@/components/ui/field";
import { FieldProblem } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { previewLook, widgetSettingsInput } from "@/server/widget/inputs";
import { WidgetSection } from "./widget-section";
import type { Values } from "./widget-settings-form";
import { type WidgetPosition } from "@/server/widget/values";

const positions = ["right", "left"] as const satisfies readonly WidgetPosition[];
const greetingMax = maxLengthOf(widgetSettingsInput.greeting) ?? 0;

/** The widget's look: its colour, its corner and the greeting. */
export function WidgetLook({
  values,
  savedColor,
  problem,
  onChange,
}: {
  values: Values;
  savedColor: string;
  /** The translated problem at a field path, if any. */
  problem: (path: string) => string | undefined;
  onChange: (change: Partial<Values>) => void;
}) {
  const t = useTranslations("widgetAdmin.widget");
  const ids = useId();
  const shownColor = previewLook({ color: values.color }, { color: savedColor, position: values.position, greeting: values.greeting }).color;

  return (
    <WidgetSection id="widget-look" title={t("look.title")} description={t("look.description")}>
      <div className="flex flex-col gap-5">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${ids}-color`}>{t("look.color")}</Label>
          <div className="flex items-center gap-3">
            <input
              type="color"
              aria-label={t("look.colorPicker")}
              value={shownColor}
              onChange={(event) => onChange({ color: event.target.value })}
              className="h-9 w-14 shrink-0 cursor-pointer rounded-lg border border-slate-300 bg-white p-1 shadow-xs"
            />
            <Input
              id={`${ids}-color`}
              value={values.color}
              maxLength={7}
              spellCheck={false}
              autoComplete="off"
              className="w-32 font-mono"
              aria-invalid={problem("color") ? true : undefined}
              aria-describedby={[problem("color") ? `${ids}-color-error` : null, `${ids}-color-hint`].filter(Boolean).join(" ")}
              onChange={(event) => {
                const raw = event.target.value.trim();
                onChange({ color: raw.startsWith("#") || raw === "" ? raw : `#${raw}` });
              }}
            />
          </div>
          {problem("color") ? <FieldProblem id={`${ids}-color-error`}>{problem("color")}</FieldProblem> : null}
          <p id={`${ids}-color-hint`} className="text-sm text-slate-500">
            {t("look.colorHint")}
          </p>
        </div>

        <fieldset aria-describedby={`${ids}-position-hint`}>
          <legend className="mb-1.5 text-sm leading-5 font-medium text-slate-800">{t("look.position")}</legend>
          <div className="flex flex-wrap gap-3">
            {positions.map((position) => (
              <label
                key={position}
                className={cn(
                  "flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-sm font-medium transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
                  values.position === position ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
                )}
              >
                <input
                  type="radio"
                  name="widget-position"
                  value={position}
                  checked={values.position === position}
                  onChange={() => onChange({ position })}
                  className="size-4 accent-brand-600 focus-visible:outline-none"
                />
                <PositionIcon position={position} />
                {t(`look.${position}`)}
              </label>
            ))}
          </div>
          <p id={`${ids}-position-hint`} className="mt-1.5 text-sm text-slate-500">
            {t("look.positionHint")}
          </p>
          {problem("position") ? <FieldProblem className="mt-1.5">{problem("position")}</FieldProblem> : null}
        </fieldset>

        <Field
          label={t("look.greeting")}
          hint={
            <span className="flex justify-between gap-3">
              <span>{t("look.greetingHint")}</span>
              <span className={cn("shrink-0 tabular-nums", values.greeting.length > greetingMax && "text-red-700")}>
                {t("look.counter", { count: values.greeting.length, max: greetingMax })}
              </span>
            </span>
          }
          error={problem("greeting")}
        >
          <Textarea rows={3} maxLength={greetingMax} placeholder={t("look.greetingPlaceholder")} value={values.greeting} onChange={(event) => onChange({ greeting: event.target.value })} />
        </Field>
      </div>
    </WidgetSection>
  );
}

function PositionIcon({ position }: { position: WidgetPosition }) {
  return (
    <svg viewBox="0 0 24 18" fill="none" aria-hidden="true" className="h-4 w-5 text-current">
      <rect x="0.75" y="0.75" width="22.5" height="16.5" rx="2" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={position === "right" ? 18.5 : 5.5} cy="12.5" r="2.25" fill="currentColor" />
    </svg>
  );
}
