"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { wholeNumber } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { textInput } from "@/lib/text-input";
import { inboundRulesFields, inboundRulesForm } from "@/server/mail/inputs";
import { useTRPC } from "@/trpc/react";

type Rules = { ownAddresses: string[]; defaultDepartmentId: string | null; maxNewPerHour: number };

// The server's rules; the addresses are typed one per line (or separated by commas), the department is "" for the first one.
const schema = inboundRulesForm.extend({
  defaultDepartmentId: textInput(),
  ownAddresses: textInput()
    .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
    .pipe(inboundRulesFields.ownAddresses),
});

/** Where forwarded mail goes, which senders are the desk's own (never a ticket), and the hourly limit of new tickets per sender. */
export function InboundRules({ desk, rules }: { desk: string; rules: Rules }) {
  const t = useTranslations("mail.inbound.rules");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const departments = useQuery(trpc.departments.list.queryOptions({ desk }));
  const save = useMutation(trpc.mail.saveInboundRules.mutationOptions());
  const [saved, setSaved] = useState(false);
  const form = useServerForm(schema, {
    defaultValues: { defaultDepartmentId: rules.defaultDepartmentId ?? "", ownAddresses: rules.ownAddresses.join("\n"), maxNewPerHour: rules.maxNewPerHour },
    fields: ["defaultDepartmentId", "ownAddresses", "maxNewPerHour"],
  });
  const { register, problem } = form;

  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    await save.mutateAsync({ desk, ...values, defaultDepartmentId: values.defaultDepartmentId || null });
    await queryClient.invalidateQueries({ queryKey: trpc.mail.inbound.queryKey() });
    setSaved(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4 rounded-lg border border-slate-200 p-4" aria-labelledby="inbound-rules-title">
      <h3 id="inbound-rules-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("department")} hint={t("departmentHint")} error={problem("defaultDepartmentId")}>
          {(control) => (
            <NativeSelect {...control} {...register("defaultDepartmentId")}>
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
        <Field label={t("limit")} hint={t("limitHint")} error={problem("maxNewPerHour")}>
          <Input inputMode="numeric" maxLength={4} {...register("maxNewPerHour", { setValueAs: wholeNumber })} />
        </Field>
      </div>
      <Field label={t("ownAddresses")} hint={t("ownAddressesHint")} error={problem("ownAddresses")}>
        <Textarea rows={3} maxLength={6000} placeholder="support@example.com" {...register("ownAddresses")} />
      </Field>
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
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
