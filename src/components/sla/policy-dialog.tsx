"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError, fieldError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogHeader } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { slaTarget } from "@/server/sla/inputs";
import { useTRPC } from "@/trpc/react";
import { useDuration } from "./duration";
import { escalations, priorities, targetFields, type DepartmentOption, type Policy, type TargetField } from "./shared";

type Form = {
  departmentId: string;
  priority: (typeof priorities)[number];
  targets: Record<TargetField, string>;
  businessHours: boolean;
  escalatePriority: string;
  escalateDepartmentId: string;
};

const formOf = (policy: Policy | null): Form => ({
  departmentId: policy?.departmentId ?? "",
  priority: policy?.priority ?? "normal",
  targets: {
    firstResponseMinutes: policy?.firstResponseMinutes?.toString() ?? "",
    nextResponseMinutes: policy?.nextResponseMinutes?.toString() ?? "",
    resolutionMinutes: policy?.resolutionMinutes?.toString() ?? "",
  },
  businessHours: policy?.businessHours ?? true,
  escalatePriority: policy?.escalatePriority ?? "",
  escalateDepartmentId: policy?.escalateDepartmentId ?? "",
});

const formFields = ["departmentId", "priority", ...targetFields, "escalatePriority", "escalateDepartmentId"] as const;
type Errors = Partial<Record<(typeof formFields)[number], string>> & { form?: ErrorMessage };

/** Adds or edits one policy: scope, priority, targets in minutes, the clock, and the escalation. */
export function PolicyDialog({ desk, policy, open, departments, onOpenChange, onSaved }: {
  desk: string;
  policy: Policy | null;
  open: boolean;
  departments: DepartmentOption[];
  onOpenChange: (open: boolean) => void;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("sla.settings.policies");
  const tPriority = useTranslations("ticket.priority");
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  const duration = useDuration();
  const trpc = useTRPC();
  const save = useMutation(trpc.sla.savePolicy.mutationOptions());
  const [form, setForm] = useState<Form>(() => formOf(policy));
  const [errors, setErrors] = useState<Errors>({});
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }));

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const targets: Partial<Record<TargetField, number | null>> = {};
    const invalid: Errors = {};
    for (const field of targetFields) {
      const raw = form.targets[field].trim();
      const value = slaTarget.safeParse(raw === "" ? null : Number(raw));
      if (value.success) targets[field] = value.data;
      else invalid[field] = value.error.issues[0]?.message;
    }
    if (Object.keys(invalid).length) return setErrors(invalid);
    setErrors({});
    try {
      await save.mutateAsync({
        desk,
        id: policy?.id ?? null,
        departmentId: form.departmentId || null,
        priority: form.priority,
        firstResponseMinutes: targets.firstResponseMinutes ?? null,
        nextResponseMinutes: targets.nextResponseMinutes ?? null,
        resolutionMinutes: targets.resolutionMinutes ?? null,
        businessHours: form.businessHours,
        escalatePriority: (form.escalatePriority || null) as Policy["escalatePriority"],
        escalateDepartmentId: form.escalateDepartmentId || null,
      });
      await onSaved();
    } catch (error) {
      const byField: Errors = {};
      for (const field of formFields) {
        const message = fieldError(error, field);
        if (message) byField[field] = message;
      }
      setErrors(Object.keys(byField).length ? byField : { form: callError(error) });
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg">
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-5">
          <FormDialogHeader title={policy ? t("editTitle") : t("newTitle")} description={t("description")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("scope")} error={errorText(errors.departmentId)}>
              {(control) => (
                <NativeSelect {...control} value={form.departmentId} onChange={(e) => set({ departmentId: e.target.value })}>
                  <option value="">{t("deskWide")}</option>
                  <Options items={departments} value={(d) => d.id} label={(d) => d.label} />
                </NativeSelect>
              )}
            </Field>
            <Field label={t("priority")} error={errorText(errors.priority)}>
              {(control) => (
                <NativeSelect {...control} value={form.priority} onChange={(e) => set({ priority: e.target.value as Form["priority"] })}>
                  <Options items={priorities} label={(p) => tPriority(p)} />
                </NativeSelect>
              )}
            </Field>
          </div>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 text-sm font-semibold text-slate-800">{t("targets")}</legend>
            <p className="text-xs text-slate-500">{t("targetsHint")}</p>
            <div className="grid gap-4 sm:grid-cols-3">
              {targetFields.map((field) => {
                const minutes = Number(form.targets[field]);
                const hint = form.targets[field].trim() !== "" && Number.isInteger(minutes) && minutes > 0 ? duration(minutes, form.businessHours) : undefined;
                return (
                  <Field key={field} label={t(field.replace("Minutes", "") as "firstResponse")} hint={hint} error={errorText(errors[field])}>
                    <Input
                      inputMode="numeric"
                      value={form.targets[field]}
                      maxLength={6}
                      placeholder={t("noTarget")}
                      onChange={(e) => set({ targets: { ...form.targets, [field]: e.target.value } })}
                    />
                  </Field>
                );
              })}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t("clock")}>
              {(control) => (
                <NativeSelect {...control} value={form.businessHours ? "business" : "calendar"} onChange={(e) => set({ businessHours: e.target.value === "business" })}>
                  <option value="business">{t("businessHours")}</option>
                  <option value="calendar">{t("calendarHours")}</option>
                </NativeSelect>
              )}
            </Field>
            <Field label={`${t("escalation")}: ${t("escalatePriority")}`} error={errorText(errors.escalatePriority)}>
              {(control) => (
                <NativeSelect {...control} value={form.escalatePriority} onChange={(e) => set({ escalatePriority: e.target.value })}>
                  <option value="">{t("keepPriority")}</option>
                  <Options items={escalations} label={(e) => e === "raise" ? t("raise") : t("toLevel", { priority: tPriority(e) })} />
                </NativeSelect>
              )}
            </Field>
            <Field label={`${t("escalation")}: ${t("escalateDepartment")}`} error={errorText(errors.escalateDepartmentId)}>
              {(control) => (
                <NativeSelect {...control} value={form.escalateDepartmentId} onChange={(e) => set({ escalateDepartmentId: e.target.value })}>
                  <option value="">{t("stay")}</option>
                  <Options items={departments} value={(d) => d.id} label={(d) => d.label} />
                </NativeSelect>
              )}
            </Field>
          </div>
          {errors.form ? <Alert variant="error">{errorText(errors.form)}</Alert> : null}
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              {tCommon("cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
