"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { useErrorText } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { locales as deskLocales } from "@/i18n/config";
import { deskProfileInput } from "@/server/desks/inputs";
import { timeZoneOptions } from "./time-zones";

export type DeskProfileValues = { displayName: string; locale: "en" | "ru"; timeZone: string };

/** Name, customer language and time zone: asked by the wizard, changed in Settings → General. */
export function DeskProfileFields<T extends DeskProfileValues>({
  register,
  errors,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<DeskProfileValues>;
}) {
  const t = useTranslations("setup");
  const errorText = useErrorText();
  const zones = useMemo(() => timeZoneOptions(), []);
  const reg = register as unknown as UseFormRegister<DeskProfileValues>;
  return (
    <div className="flex flex-col gap-4">
      <Field label={t("desk.displayName")} hint={t("desk.displayNameHint")} error={errorText(errors.displayName?.message)} required>
        <Input maxLength={maxLengthOf(deskProfileInput.shape.displayName)} {...reg("displayName")} />
      </Field>
      <Field label={t("desk.locale")} error={errorText(errors.locale?.message)}>
        {(control) => (
          <NativeSelect {...control} {...reg("locale")}>
            <Options items={deskLocales} label={(l) => t(`languages.${l}`)} />
          </NativeSelect>
        )}
      </Field>
      <Field label={t("desk.timeZone")} hint={t("desk.timeZoneHint")} error={errorText(errors.timeZone?.message)}>
        {(control) => (
          <NativeSelect {...control} {...reg("timeZone")}>
            <Options items={zones} label={(zone) => zone.replaceAll("_", " ")} />
          </NativeSelect>
        )}
      </Field>
    </div>
  );
}
