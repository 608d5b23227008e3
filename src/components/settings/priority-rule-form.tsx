"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { DepartmentOptions } from "@/components/departments/department-options";
import { flattenTree, departmentTree } from "@/components/departments/tree";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { callError, fieldError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { CardSection } from "@/components/ui/section-heading";
import { Textarea } from "@/components/ui/textarea";
import { ruleForm, ruleInput } from "@/server/priority/inputs";
import type { AppRouter } from "@/server/root";
import { useTRPC } from "@/trpc/react";
import { PriorityRuleTrial } from "./priority-rule-trial";

export type PriorityRule = inferRouterOutputs<AppRouter>["priority"]["rules"]["rules"][number];
type Condition = PriorityRule["condition"];
type Kind = Condition["kind"];
type Channel = Extract<Condition, { kind: "channel" }>["channels"][number];
export type DepartmentOption = { id: string; parentId: string | null; name: string };

// Kept here (not imported from the server) so the browser bundle stays free of drizzle.
export const ruleKinds = ["words", "vip", "domain", "department", "channel", "waiting"] as const satisfies readonly Kind[];
export const ruleChannels = ["panel", "widget", "mail", "api"] as const satisfies readonly Channel[];

const splitList = (text: string) => [...new Set(text.split(/[,\n]/).map((part) => part.trim()).filter(Boolean))];

type Draft = { name: string; kind: Kind; weight: string; enabled: boolean; list: string; departmentId: string; channels: Channel[]; hours: string };

function draftOf(rule: PriorityRule | null, firstDepartment: string): Draft {
  const c = rule?.condition;
  return {
    name: rule?.name ?? "",
    kind: c?.kind ?? "words",
    weight: String(rule?.weight ?? 10),
    enabled: rule?.enabled ?? true,
    list: c?.kind === "words" ? c.words.join(", ") : c?.kind === "domain" ? c.domains.join(", ") : "",
    departmentId: c?.kind === "department" ? c.departmentId : firstDepartment,
    channels: c?.kind === "channel" ? c.channels : ["mail"],
    hours: String(c?.kind === "waiting" ? c.hours : 4),
  };
}

function conditionOf(draft: Draft): Condition {
  switch (draft.kind) {
    case "words":
      return { kind: "words", words: splitList(draft.list) };
    case "domain":
      return { kind: "domain", domains: splitList(draft.list) };
    case "department":
      return { kind: "department", departmentId: draft.departmentId };
    case "channel":
      return { kind: "channel", channels: draft.channels };
    case "waiting":
      return { kind: "waiting", hours: numberOf(draft.hours) };
    case "vip":
      return { kind: "vip" };
  }
}

/** A number field's text; empty is not a number (the schema says which range it wants). */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
const valuesOf = (draft: Draft) => ({ name: draft.name.trim(), weight: numberOf(draft.weight), enabled: draft.enabled, condition: conditionOf(draft) });

type Errors = { name?: string; weight?: string; condition?: string; form?: ErrorMessage };

/** The browser's first check is the server's own rule schema; the first problem of the name, weight and condition. */
function check(draft: Draft): Errors {
  const errors: Errors = {};
  for (const issue of ruleForm.safeParse(valuesOf(draft)).error?.issues ?? []) {
    const field = issue.path[0];
    if ((field === "name" || field === "weight" || field === "condition") && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Adds a rule, or edits one (`rule`): a name, one condition with its values, a weight, on or off. */
export function PriorityRuleForm({
  desk,
  rule,
  departments,
  onSaved,
  onCancel,
}: {
  desk: string;
  rule: PriorityRule | null;
  departments: readonly DepartmentOption[];
  onSaved: (rule: PriorityRule, created: boolean) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useTranslations("priority.settings");
  const tChannel = useTranslations("priority.channels");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const create = useMutation(trpc.priority.createRule.mutationOptions());
  const update = useMutation(trpc.priority.updateRule.mutationOptions());
  const tree = flattenTree(departmentTree(departments));
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule, tree[0]?.department.id ?? ""));
  const [errors, setErrors] = useState<Errors>({});
  const nameInput = useRef<HTMLInputElement>(null);
  const headingId = rule ? `priority-rule-edit-${rule.id}` : "priority-rule-add";

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (Object.keys(errors).length) setErrors({});
  };

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const found = check(draft);
    if (Object.keys(found).length) {
      setErrors(found);
      if (found.name) nameInput.current?.focus();
      return;
    }
    const values = { desk, ...valuesOf(draft) };
    try {
      const saved = rule ? await update.mutateAsync({ ...values, id: rule.id }) : await create.mutateAsync(values);
      if (!rule) setDraft(draftOf(null, tree[0]?.department.id ?? ""));
      setErrors({});
      await onSaved(saved, !rule);
      if (!rule) nameInput.current?.focus();
    } catch (error) {
      const named = { name: fieldError(error, "name"), weight: fieldError(error, "weight"), condition: fieldError(error, "condition") };
      setErrors(named.name || named.weight || named.condition ? named : { form: callError(error) });
    }
  }

  const conditionField = (() => {
    switch (draft.kind) {
      case "words":
      case "domain": {
        const words = draft.kind === "words";
        return (
          <Field label={t(words ? "form.words" : "form.domains")} hint={t(words ? "form.wordsHint" : "form.domainsHint")} error={errorText(errors.condition)} required>
            <Textarea rows={2} value={draft.list} maxLength={5000} spellCheck={false} placeholder={t(words ? "form.wordsPlaceholder" : "form.domainsPlaceholder")} onChange={(e) => change({ list: e.target.value })} />
          </Field>
        );
      }
      case "department":
        return (
          <Field label={t("form.department")} hint={t("form.departmentHint")} error={errorText(errors.condition)} required>
            {(control) => (
              <NativeSelect {...control} value={draft.departmentId} onChange={(e) => change({ departmentId: e.target.value })}>
                <DepartmentOptions departments={departments} />
              </NativeSelect>
            )}
          </Field>
        );
      case "channel":
        return (
          <fieldset aria-describedby={errors.condition ? `${headingId}-channels-error` : undefined}>
            <legend className="mb-2 text-sm font-medium text-slate-800">{t("form.channels")}</legend>
            <div className="flex flex-wrap gap-4">
              {ruleChannels.map((channel) => (
                <CheckboxField
                  key={channel}
                  label={tChannel(channel)}
                  checked={draft.channels.includes(channel)}
                  onCheckedChange={(on) => change({ channels: on === true ? [...draft.channels, channel] : draft.channels.filter((c) => c !== channel) })}
                />
              ))}
            </div>
            {errors.condition ? (
              <p id={`${headingId}-channels-error`} className="mt-1.5 text-sm text-red-700">
                {errorText(errors.condition)}
              </p>
            ) : null}
          </fieldset>
        );
      case "waiting":
        return (
          <Field label={t("form.hours")} hint={t("form.hoursHint")} error={errorText(errors.condition)} required>
            <Input type="number" inputMode="numeric" min={1} max={720} step={1} value={draft.hours} onChange={(e) => change({ hours: e.target.value })} className="max-w-32" />
          </Field>
        );
      case "vip":
        return <p className="text-sm text-slate-500">{t("form.vipHint")}</p>;
    }
  })();

  return (
    <CardSection id={headingId} title={rule ? t("form.editTitle", { name: rule.name }) : t("form.addTitle")}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_16rem_8rem] sm:items-start">
          <Field label={t("form.name")} error={errorText(errors.name)} required>
            <Input ref={nameInput} value={draft.name} maxLength={maxLengthOf(ruleInput.name)} autoComplete="off" placeholder={t("form.namePlaceholder")} onChange={(e) => change({ name: e.target.value })} />
          </Field>
          <Field label={t("form.kind")}>
            {(control) => (
              <NativeSelect {...control} value={draft.kind} onChange={(e) => change({ kind: e.target.value as Kind, list: "" })}>
                <Options items={ruleKinds} label={(kind) => t(`kinds.${kind}`)} />
              </NativeSelect>
            )}
          </Field>
          <Field label={t("form.weight")} error={errorText(errors.weight)} required>
            <Input type="number" inputMode="numeric" min={-100} max={100} step={1} value={draft.weight} onChange={(e) => change({ weight: e.target.value })} />
          </Field>
        </div>
        <p className="-mt-2 text-sm text-slate-500">{t("form.weightHint")}</p>
        {conditionField}
        <CheckboxField label={t("form.enabled")} checked={draft.enabled} onCheckedChange={(on) => change({ enabled: on === true })} />
        {errors.form ? <Alert variant="error">{errorText(errors.form)}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {rule ? t("form.submitEdit") : t("form.submitAdd")}
          </Button>
          {onCancel ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              {t("form.cancel")}
            </Button>
          ) : null}
          <PriorityRuleTrial
            desk={desk}
            replacing={rule?.id ?? null}
            values={() => {
              const found = check(draft);
              setErrors(found);
              return Object.keys(found).length ? null : valuesOf(draft);
            }}
          />
        </div>
      </form>
    </CardSection>
  );
}
