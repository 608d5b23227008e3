"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { departmentName } from "@/server/desks/inputs";
import { useTRPC } from "@/trpc/react";

const schema = z.object({ name: departmentName });

export function AddDepartmentForm({ desk }: { desk: string }) {
  const t = useTranslations("panel.departments");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.departments.create.mutationOptions());
  const [status, setStatus] = useState<{ error?: ErrorMessage; done?: boolean }>({});
  const { register, handleSubmit, formState, setError, reset } = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "" },
  });
  const onSubmit = handleSubmit(async ({ name }) => {
    setStatus({});
    try {
      await create.mutateAsync({ desk, name });
      reset();
      setStatus({ done: true });
      router.refresh();
    } catch (error) {
      setStatus({ error: applyServerError(error, setError, ["name"]) });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mb-6 flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-start">
      <Field label={t("name")} error={errorText(formState.errors.name?.message)} className="flex-1">
        <Input maxLength={80} {...register("name")} />
      </Field>
      <Button type="submit" loading={formState.isSubmitting} className="sm:mt-7">
        {t("add")}
      </Button>
      <div aria-live="polite" className="sm:hidden">
        {status.done ? <Alert variant="success">{t("added")}</Alert> : null}
      </div>
      {status.error ? <Alert variant="error">{errorText(status.error)}</Alert> : null}
    </form>
  );
}
