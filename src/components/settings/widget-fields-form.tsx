"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { widgetFieldsInput } from "@/server/desks/inputs";
import type { WidgetField } from "@/server/desks/schema";
import { useTRPC } from "@/trpc/react";
import { WidgetFieldsEditor } from "./widget-fields-editor";

export function WidgetFieldsForm({ desk, initial }: { desk: string; initial: WidgetField[] }) {
  const t = useTranslations("panel.settings");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const update = useMutation(trpc.desk.updateWidgetFields.mutationOptions());
  const [fields, setFields] = useState(initial);
  const [status, setStatus] = useState<{ saved?: boolean; error?: ErrorMessage }>({});

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setStatus({});
    const parsed = widgetFieldsInput.safeParse(fields);
    if (!parsed.success) {
      setStatus({ error: { key: parsed.error.issues[0]?.message ?? "widgetFields.invalid" } });
      return;
    }
    try {
      await update.mutateAsync({ desk, fields: parsed.data });
      setStatus({ saved: true });
      router.refresh();
    } catch (error) {
      setStatus({ error: serverMessage(error) });
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <WidgetFieldsEditor value={fields} onChange={setFields} />
      <div className="flex items-center gap-3">
        <Button type="submit" loading={update.isPending}>{t("save")}</Button>
        <span aria-live="polite" className="text-sm text-emerald-700">{status.saved ? t("saved") : ""}</span>
      </div>
      {status.error ? <Alert variant="error">{errorText(status.error)}</Alert> : null}
    </form>
  );
}
