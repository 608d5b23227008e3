"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DepartmentOptions } from "@/components/departments/department-options";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
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
  const trpc = useTRPC();
  const { desk, viewer, data, refresh, announce } = useTicket();
  const departments = useQuery(trpc.departments.list.queryOptions({ desk: desk.slug }));
  const forward = useMutation(trpc.tickets.forward.mutationOptions());
  const form = useServerForm(forwardForm, { defaultValues: { departmentId: "", note: "" }, fields: ["departmentId", "note"] });

  const onSubmit = form.submit(async ({ departmentId, note }) => {
    const target = departments.data?.find((d) => d.id === departmentId);
    await forward.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, departmentId, note: note?.trim() || null });
    onDone();
    const stillVisible = viewerCan(viewer, "ticket.view", departmentId);
    if (stillVisible) await refresh();
    announce(stillVisible ? t("done", { department: target?.name ?? "" }) : t("doneNoAccess", { department: target?.name ?? "" }));
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
          <Field label={t("department")} error={form.formState.errors.departmentId ? t("chooseDepartment") : undefined} required>
            {(control) => (
              <NativeSelect {...control} {...form.register("departmentId")}>
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
      <Field label={t("note")} hint={t("noteHint")} error={form.problem("note")}>
        <Textarea rows={3} maxLength={maxLengthOf(forwardFields.note)} {...form.register("note")} />
      </Field>
      <FormDialogFooter error={form.failure} cancelLabel={t("cancel")} submitLabel={t("submit")} pending={forward.isPending} disabled={departments.isPending} />
    </form>
  );
}
