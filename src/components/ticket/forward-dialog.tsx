"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { DepartmentOptions } from "@/components/departments/department-options";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter, FormDialogHeader } from "@/components/ui/form-dialog";
import { NativeSelect } from "@/components/ui/native-select";
import { QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { forwardFields, forwardForm } from "@/server/tickets/inputs";
import { useTRPC } from "@/trpc/react";
import { viewerCan } from "./shared";
import { useTicket } from "./ticket-context";

type Values = z.input<typeof forwardForm>;

/** Sends the ticket to another department, with an optional private note saying why. */
export function ForwardDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="md">{open ? <ForwardForm onDone={() => onOpenChange(false)} /> : null}</DialogContent>
    </Dialog>
  );
}

function ForwardForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("ticket.forward");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const { desk, viewer, data, refresh, announce } = useTicket();
  const departments = useQuery(trpc.departments.list.queryOptions({ desk: desk.slug }));
  const forward = useMutation(trpc.tickets.forward.mutationOptions());
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(forwardForm), defaultValues: { departmentId: "", note: "" } });

  const onSubmit = handleSubmit(async ({ departmentId, note }) => {
    setFormError(null);
    const target = departments.data?.find((d) => d.id === departmentId);
    try {
      await forward.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, departmentId, note: note?.trim() || null });
      onDone();
      const stillVisible = viewerCan(viewer, "ticket.view", departmentId);
      if (stillVisible) await refresh();
      announce(stillVisible ? t("done", { department: target?.name ?? "" }) : t("doneNoAccess", { department: target?.name ?? "" }));
    } catch (error) {
      setFormError(applyServerError(error, setError, ["departmentId", "note"]));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={t("title", { number: data.ticket.number })} description={t("description", { department: data.department.name })} />
      <QueryState
        query={departments}
        loading={<Skeleton className="h-9 w-full" />}
        errorMessage={t("loadFailed")}
      >
        {() => (
          <Field label={t("department")} error={formState.errors.departmentId ? t("chooseDepartment") : undefined} required>
            {(control) => (
              <NativeSelect {...control} {...register("departmentId")}>
                <option value="">{t("choose")}</option>
                <DepartmentOptions
                  departments={departments.data ?? []}
                  disabled={(department) => department.id === data.ticket.departmentId}
                  suffix={(department) => (department.id === data.ticket.departmentId ? ` (${t("current")})` : "")}
                />
              </NativeSelect>
            )}
          </Field>
        )}
      </QueryState>
      <Field label={t("note")} hint={t("noteHint")} error={errorText(formState.errors.note?.message)}>
        <Textarea rows={3} maxLength={maxLengthOf(forwardFields.note)} {...register("note")} />
      </Field>
      <FormDialogFooter error={errorText(formError)} cancelLabel={t("cancel")} submitLabel={t("submit")} pending={forward.isPending} disabled={departments.isPending} />
    </form>
  );
}
