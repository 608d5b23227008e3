"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { writeLocaleCookie } from "@/components/site/language-switcher";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CheckIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { locales } from "@/i18n/config";
import { cn } from "@/lib/cn";
import { avatarColors, profileInput } from "@/server/staff/inputs";
import { useTRPC } from "@/trpc/react";
import { avatarSwatch, initialsOf } from "./avatar-colors";

type Values = z.infer<typeof profileInput>;
const SIGNATURE_MAX = maxLengthOf(profileInput.shape.signature) ?? 0;

type Props = { desk: string; deskName: string; email: string; initial: Values };

/** Name, avatar colour, interface language and this desk's signature. */
export function ProfileForm({ desk, deskName, email, initial }: Props) {
  const t = useTranslations("panel.profile");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const trpc = useTRPC();
  const update = useMutation(trpc.account.updateProfile.mutationOptions());
  const [saved, setSaved] = useState(false);
  const form = useServerForm(profileInput, { defaultValues: initial, fields: ["name", "avatarColor", "locale", "signature"] });
  const { register, problem } = form;
  const [name, color, signature] = useWatch({ control: form.control, name: ["name", "avatarColor", "signature"] });

  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    await update.mutateAsync({ desk, ...values });
    writeLocaleCookie(values.locale);
    form.reset(values);
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <div className="flex items-center gap-4">
        <span
          aria-hidden="true"
          className={cn("flex size-14 shrink-0 items-center justify-center rounded-full text-lg font-semibold text-white", avatarSwatch[color])}
        >
          {initialsOf(name)}
        </span>
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-900">{name.trim() || "—"}</p>
          <p className="truncate text-sm text-slate-500">{email}</p>
        </div>
      </div>
      <Field label={t("name")} error={problem("name")} required>
        <Input autoComplete="name" maxLength={maxLengthOf(profileInput.shape.name)} {...register("name")} />
      </Field>
      <Field label={t("email")} hint={t("emailHint")}>
        <Input type="email" value={email} readOnly />
      </Field>
      <fieldset>
        <legend className="text-sm leading-5 font-medium text-slate-800">{t("avatarColor")}</legend>
        <p className="mt-0.5 text-sm text-slate-500">{t("avatarColorHint")}</p>
        <div className="mt-2 flex flex-wrap gap-2.5">
          {avatarColors.map((option) => (
            <label key={option} className="relative cursor-pointer" title={t(`colors.${option}`)}>
              <input type="radio" value={option} className="peer sr-only" {...register("avatarColor")} />
              <span className="sr-only">{t(`colors.${option}`)}</span>
              <span
                aria-hidden="true"
                className={cn(
                  "block size-8 rounded-full ring-offset-2 transition-shadow peer-checked:ring-2 peer-checked:ring-slate-900 hover:ring-2 hover:ring-slate-300",
                  "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-4 peer-focus-visible:outline-brand-500",
                  avatarSwatch[option],
                )}
              />
              <CheckIcon className="pointer-events-none absolute inset-0 m-auto hidden size-4 text-white peer-checked:block" />
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t("language")} hint={t("languageHint")} error={problem("locale")}>
        {(control) => (
          <NativeSelect {...control} {...register("locale")}>
            {locales.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {tCommon(`languages.${locale}`)}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <Field
        label={t("signature")}
        hint={
          <>
            {t("signatureHint", { desk: deskName })}{" "}
            <span className={cn(signature.length > SIGNATURE_MAX && "font-medium text-red-700")}>
              {t("characters", { count: signature.length, max: SIGNATURE_MAX })}
            </span>
          </>
        }
        error={problem("signature")}
      >
        <Textarea rows={5} placeholder={t("signaturePlaceholder")} {...register("signature")} />
      </Field>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t("save")}
        </Button>
        <span aria-live="polite" className="text-sm text-emerald-700">
          {saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
