"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError, fieldError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/react";

type Rules = { ownAddresses: string[]; defaultDepartmentId: string | null; maxNewPerHour: number };
type FieldName = "defaultDepartmentId" | "ownAddresses" | "maxNewPerHour";

/** Where forwarded mail goes, which senders are the desk's own (never a ticket), and the hourly limit of new tickets per sender. */
export function InboundRules({ desk, rules }: { desk: string; rules: Rules }) {
  const t = useTranslations("mail.inbound.rules");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const departments = useQuery(trpc.departments.list.queryOptions({ desk }));
  const save = useMutation(trpc.mail.saveInboundRules.mutationOptions());
  const [departmentId, setDepartmentId] = useState(rules.defaultDepartmentId ?? "");
  const [addresses, setAddresses] = useState(rules.ownAddresses.join("\n"));
  const [limit, setLimit] = useState(String(rules.maxNewPerHour));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    const ownAddresses = addresses
      .split(/[\s,;]+/)
      .map((a) => a.trim())
      .filter(Boolean);
    try {
      await save.mutateAsync({ desk, defaultDepartmentId: departmentId || null, ownAddresses, maxNewPerHour: Number(limit) || 0 });
      await queryClient.invalidateQueries({ queryKey: trpc.mail.inbound.queryKey() });
      setErrors({});
      setSaved(true);
    } catch (error) {
      const found: Partial<Record<FieldName, string>> = {};
      for (const name of ["defaultDepartmentId", "ownAddresses", "maxNewPerHour"] as const) {
        const message = fieldError(error, name);
        if (message) found[name] = message;
      }
      setErrors(found);
      if (Object.keys(found).length === 0) setFormError(callError(error));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="mt-6 flex flex-col gap-4 rounded-lg border border-slate-200 p-4" aria-labelledby="inbound-rules-title">
      <h3 id="inbound-rules-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("department")} hint={t("departmentHint")} error={errorText(errors.defaultDepartmentId)}>
          {(control) => (
            <NativeSelect {...control} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t("firstDepartment")}</option>
              {(departments.data ?? [])
                .filter((d) => !d.archivedAt)
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
            </NativeSelect>
          )}
        </Field>
        <Field label={t("limit")} hint={t("limitHint")} error={errorText(errors.maxNewPerHour)}>
          <Input inputMode="numeric" value={limit} maxLength={4} onChange={(e) => setLimit(e.target.value.replace(/\D/g, ""))} />
        </Field>
      </div>
      <Field label={t("ownAddresses")} hint={t("ownAddressesHint")} error={errorText(errors.ownAddresses)}>
        <Textarea rows={3} value={addresses} maxLength={6000} placeholder="support@example.com" onChange={(e) => setAddresses(e.target.value)} />
      </Field>
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" loading={save.isPending}>
          {t("save")}
        </Button>
        <span role="status" className="text-sm text-emerald-700">
          {saved ? t("saved") : null}
        </span>
      </div>
    </form>
  );
}
