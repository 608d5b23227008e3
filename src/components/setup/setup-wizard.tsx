"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { DeskProfileFields } from "@/components/settings/desk-profile-fields";
import { browserTimeZone } from "@/components/settings/time-zones";
import { WidgetFieldsEditor } from "@/components/settings/widget-fields-editor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { departmentName } from "@/server/departments/inputs";
import { setupForm } from "@/server/desks/inputs";
import type { WidgetField } from "@/server/kernel/schema";
import { useTRPC } from "@/trpc/react";

type FormInput = z.input<typeof setupForm>;
type FormOutput = z.output<typeof setupForm>;

const steps = ["desk", "departments", "form", "review"] as const;
const stepFields = {
  desk: ["displayName", "locale", "timeZone"],
  departments: ["departments"],
  form: ["widgetFields"],
  review: [],
} as const;

type PlanChoice = { id: string; name: string; dailyPrice: number; agentSeats: number; ticketsPerDay: number; optionsIncluded: boolean };

type Props = {
  desk: { slug: string; displayName: string; locale: "en" | "ru"; timeZone: string; widgetFields: WidgetField[] };
  suggestedDepartments: string[];
  plans: PlanChoice[];
  currency: string;
};

export function SetupWizard({ desk, suggestedDepartments, plans, currency }: Props) {
  const t = useTranslations("setup");
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const complete = useMutation(trpc.desk.completeSetup.mutationOptions());
  const [step, setStep] = useState(0);
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(setupForm),
    defaultValues: {
      displayName: desk.displayName,
      locale: desk.locale,
      timeZone: desk.timeZone,
      departments: suggestedDepartments.map((name) => ({ name })),
      widgetFields: desk.widgetFields,
      planId: "standard",
    },
  });
  const { register, control, formState, trigger, handleSubmit, setError, getValues, setValue } = form;
  const departments = useFieldArray({ control, name: "departments" });
  const current = steps[step]!;

  useEffect(() => {
    // A new desk starts in UTC; the owner's own time zone is the better first guess.
    if (getValues("timeZone") === "UTC") setValue("timeZone", browserTimeZone());
  }, [getValues, setValue]);

  async function next() {
    const fields = stepFields[current];
    if (fields.length === 0 || (await trigger([...fields]))) setStep((s) => Math.min(s + 1, steps.length - 1));
  }

  const onFinish = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await complete.mutateAsync({ desk: desk.slug, ...values });
      router.push(`/d/${desk.slug}`);
      router.refresh();
    } catch (error) {
      setFormError(applyServerError(error, setError, ["displayName", "locale", "timeZone", "departments", "widgetFields", "planId"]));
    }
  });

  const departmentsError = formState.errors.departments?.message ?? formState.errors.departments?.root?.message;
  const values = getValues();

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title", { desk: desk.displayName })}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
      <ol className="mt-6 grid grid-cols-4 gap-2" aria-label={t("stepOf", { current: step + 1, total: steps.length })}>
        {steps.map((s, i) => (
          <li key={s} aria-current={i === step ? "step" : undefined} className="flex flex-col gap-1.5">
            <span className={cn("h-1.5 rounded-full", i <= step ? "bg-brand-600" : "bg-slate-200")} />
            <span className={cn("text-xs font-medium", i === step ? "text-brand-700" : "text-slate-500")}>{t(`steps.${s}`)}</span>
          </li>
        ))}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (current === "review") void onFinish();
          else void next();
        }}
        noValidate
        className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
      >
        <h2 className="mb-4 text-lg font-semibold text-slate-900">{t(`steps.${current}`)}</h2>
        {formError ? <Alert variant="error" className="mb-4">{errorText(formError)}</Alert> : null}

        {current === "desk" ? <DeskProfileFields register={register} errors={formState.errors} /> : null}

        {current === "departments" ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-600">{t("departments.intro")}</p>
            {departments.fields.map((row, index) => {
              const label = t("departments.name", { number: index + 1 });
              const rowError = formState.errors.departments?.[index]?.name?.message;
              return (
                <div key={row.id} className="flex flex-col gap-1">
                  <div className="flex gap-2">
                    <Input aria-label={label} maxLength={maxLengthOf(departmentName)} aria-invalid={rowError ? true : undefined} {...register(`departments.${index}.name`)} />
                    <Button
                      type="button"
                      variant="ghost"
                      aria-label={t("departments.remove", { name: values.departments[index]?.name || label })}
                      onClick={() => departments.remove(index)}
                    >
                      ✕
                    </Button>
                  </div>
                  {rowError ? <p className="text-sm text-red-700">{errorText(rowError)}</p> : null}
                </div>
              );
            })}
            {departmentsError ? <p className="text-sm text-red-700" role="alert">{errorText(departmentsError)}</p> : null}
            <div>
              <Button type="button" variant="secondary" size="sm" onClick={() => departments.append({ name: "" })} disabled={departments.fields.length >= 20}>
                {t("departments.add")}
              </Button>
            </div>
          </div>
        ) : null}

        {current === "form" ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-600">{t("form.intro")}</p>
            <Controller control={control} name="widgetFields" render={({ field }) => <WidgetFieldsEditor value={field.value} onChange={field.onChange} />} />
            {formState.errors.widgetFields?.message ? <p className="text-sm text-red-700">{errorText(formState.errors.widgetFields.message)}</p> : null}
          </div>
        ) : null}

        {current === "review" ? (
          <dl className="grid gap-4 text-sm sm:grid-cols-[10rem_1fr]">
            <p className="text-slate-600 sm:col-span-2">{t("review.intro")}</p>
            <dt className="font-medium text-slate-500">{t("desk.displayName")}</dt>
            <dd className="text-slate-900">{values.displayName}</dd>
            <dt className="font-medium text-slate-500">{t("desk.locale")}</dt>
            <dd className="text-slate-900">{t(`languages.${values.locale}`)}</dd>
            <dt className="font-medium text-slate-500">{t("desk.timeZone")}</dt>
            <dd className="text-slate-900">{values.timeZone}</dd>
            <dt className="font-medium text-slate-500">{t("review.departments")}</dt>
            <dd className="text-slate-900">{values.departments.map((d) => d.name).join(", ")}</dd>
            <dt className="font-medium text-slate-500">{t("review.fields")}</dt>
            <dd className="text-slate-900">
              {values.widgetFields
                .filter((f) => f.enabled)
                .map((f) => `${t(`form.fields.${f.name}`)}${f.required ? " *" : ""}`)
                .join(", ")}
            </dd>
            <fieldset className="sm:col-span-2">
              <legend className="font-medium text-slate-500">{t("review.plan")}</legend>
              <p className="mt-1 text-slate-600">{t("review.planHint")}</p>
              <div className="mt-3 grid gap-3 sm:grid-cols-2">
                {plans.map((plan) => (
                  <label
                    key={plan.id}
                    className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:ring-1 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
                  >
                    <input type="radio" value={plan.id} {...register("planId")} className="mt-1 accent-brand-600" />
                    <span>
                      <span className="block font-medium text-slate-900">{plan.name}</span>
                      <span className="block text-slate-600">
                        {t("review.planLine", {
                          price: new Intl.NumberFormat(desk.locale, { style: "currency", currency }).format(plan.dailyPrice / 100),
                          seats: plan.agentSeats,
                          tickets: plan.ticketsPerDay,
                        })}
                      </span>
                      {plan.optionsIncluded ? <span className="block text-slate-500">{t("review.optionsIncluded")}</span> : null}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </dl>
        ) : null}

        <div className="mt-6 flex items-center justify-between border-t border-slate-100 pt-4">
          <Button type="button" variant="ghost" onClick={() => setStep((s) => Math.max(s - 1, 0))} disabled={step === 0}>
            {tCommon("back")}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {current === "review" ? t("finish") : tCommon("next")}
          </Button>
        </div>
      </form>
    </div>
  );
}
