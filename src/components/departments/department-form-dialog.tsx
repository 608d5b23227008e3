"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Controller, useWatch } from "react-hook-form";
import { z } from "zod";
import { FormDialogFooter, FormDialogHeader, TargetDialog } from "@/components/ui/form-dialog";
import { textInput } from "@/lib/text-input";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { CheckboxField } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { departmentFields } from "@/server/departments/inputs";
import type { Department } from "@/server/departments/schema";
import type { StaffMember } from "@/server/staff/service";
import { useTRPC } from "@/trpc/react";
import { DepartmentOptions } from "./department-options";
import { descendantIds } from "./tree";

// The server's own field rules; the selects hold "" for "none" until the form is sent.
const schema = z.object({
  name: departmentFields.name,
  description: departmentFields.description.unwrap(),
  parentId: textInput(),
  responsibleMembershipId: textInput(),
  isPublic: z.boolean(),
});

export type DepartmentFormTarget = { mode: "add"; parentId: string | null } | { mode: "edit"; department: Department };

type Props = {
  desk: string;
  target: DepartmentFormTarget | null;
  onClose: () => void;
  /** Every department of the desk (archived ones are left out of the parent choice). */
  departments: Department[];
  staff: StaffMember[];
  onSaved: (message: string) => void;
};

/** Add or edit a department: the full form, in a dialog. */
export function DepartmentFormDialog({ target, onClose, ...props }: Props) {
  return (
    <TargetDialog target={target} onClose={onClose} size="lg">
      {(target) => <DepartmentForm target={target} onClose={onClose} {...props} />}
    </TargetDialog>
  );
}

function DepartmentForm({ desk, target, onClose, departments, staff, onSaved }: Props & { target: DepartmentFormTarget }) {
  const t = useTranslations("panel.departments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.departments.create.mutationOptions());
  const update = useMutation(trpc.departments.update.mutationOptions());
  const editing = target.mode === "edit" ? target.department : null;
  const parent = target.mode === "add" && target.parentId ? departments.find((d) => d.id === target.parentId) : undefined;

  const active = staff.filter((person) => person.active);
  const previous = editing?.responsibleMembershipId ? staff.find((p) => p.membershipId === editing.responsibleMembershipId) : undefined;
  const previousGone = previous !== undefined && !previous.active;

  const parentChoices = useMemo(() => {
    const excluded = editing ? descendantIds(departments, editing.id).add(editing.id) : new Set<string>();
    return departments.filter((d) => !d.archivedAt && !excluded.has(d.id));
  }, [departments, editing]);

  const form = useServerForm(schema, {
    fields: ["name", "description", "parentId", "responsibleMembershipId", "isPublic"],
    defaultValues: {
      name: editing?.name ?? "",
      description: editing?.description ?? "",
      parentId: editing ? (editing.parentId ?? "") : (target.mode === "add" ? (target.parentId ?? "") : ""),
      responsibleMembershipId: editing && !previousGone ? (editing.responsibleMembershipId ?? "") : "",
      isPublic: editing?.isPublic ?? true,
    },
  });
  const { register, problem, control } = form;
  const descriptionLength = useWatch({ control, name: "description" }).length;

  const onSubmit = form.submit(async (values) => {
    const input = {
      desk,
      name: values.name,
      description: values.description,
      parentId: values.parentId || null,
      responsibleMembershipId: values.responsibleMembershipId || null,
      isPublic: values.isPublic,
    };
    if (editing) await update.mutateAsync({ ...input, id: editing.id });
    else await create.mutateAsync(input);
    await queryClient.invalidateQueries({ queryKey: trpc.departments.pathKey() });
    onSaved(editing ? t("form.saved", { name: values.name }) : t("form.created", { name: values.name }));
    onClose();
  });

  const title = editing ? t("form.editTitle", { name: editing.name }) : parent ? t("form.addChildTitle", { parent: parent.name }) : t("form.addTitle");
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={title} description={editing ? t("form.editDescription") : t("form.addDescription")} />
      <Field label={t("form.name")} error={problem("name")} required>
        <Input maxLength={maxLengthOf(departmentFields.name)} autoComplete="off" {...register("name")} />
      </Field>
      <Field
        label={t("form.description")}
        hint={`${t("form.descriptionHint")} ${t("form.characters", { count: descriptionLength, max: 500 })}`}
        error={problem("description")}
      >
        <Textarea rows={3} maxLength={maxLengthOf(departmentFields.description)} {...register("description")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("form.parent")} hint={t("form.parentHint")} error={problem("parentId")}>
          {(controlProps) => (
            <NativeSelect {...controlProps} {...register("parentId")}>
              <option value="">{t("form.parentNone")}</option>
              <DepartmentOptions departments={parentChoices} />
            </NativeSelect>
          )}
        </Field>
        <Field
          label={t("form.responsible")}
          hint={previousGone ? t("form.responsibleGone", { name: previous.name }) : t("form.responsibleHint")}
          error={problem("responsibleMembershipId")}
        >
          {(controlProps) => (
            <NativeSelect {...controlProps} {...register("responsibleMembershipId")}>
              <option value="">{t("form.responsibleNone")}</option>
              <Options items={active} value={(person) => person.membershipId} label={(person) => person.name} />
            </NativeSelect>
          )}
        </Field>
      </div>
      <Controller
        control={control}
        name="isPublic"
        render={({ field }) => (
          <CheckboxField
            label={t("form.isPublic")}
            description={t("form.isPublicHint")}
            checked={field.value}
            onCheckedChange={(checked) => field.onChange(checked === true)}
            onBlur={field.onBlur}
            name={field.name}
            ref={field.ref}
          />
        )}
      />
      <FormDialogFooter error={form.failure} cancelLabel={t("form.cancel")} submitLabel={editing ? t("form.save") : t("form.create")} pending={form.formState.isSubmitting} />
    </form>
  );
}
