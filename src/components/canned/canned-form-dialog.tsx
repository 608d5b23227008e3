"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Controller, useWatch } from "react-hook-form";
import { z } from "zod";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { parseTags, tagsText } from "@/components/forms/tags";
import { useServerForm } from "@/components/forms/use-server-form";
import { statuses, type CannedReply } from "@/components/ticket/shared";
import { CheckboxField } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormDialogFooter, FormDialogHeader, TargetDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { unknownMacros } from "@/lib/macros";
import { cannedFields, cannedForm } from "@/server/canned/inputs";
import { status } from "@/server/tickets/inputs";
import { useTRPC } from "@/trpc/react";
import { MacroHint } from "./macro-hint";

export type CannedFormTarget = { mode: "add" } | { mode: "edit"; reply: CannedReply };

const unknownPlaceholders = "macros.unknown";
const macrosMessage = (body: string): ErrorMessage => ({ key: unknownPlaceholders, params: { macros: unknownMacros(body).map((m) => `{{${m}}}`).join(", ") } });

// The server's fields; placeholders are checked here too, and the status and tags stay text until sent.
const schema = cannedForm.pick({ title: true, folder: true, shared: true }).extend({
  body: cannedFields.body.refine((body) => unknownMacros(body).length === 0, unknownPlaceholders),
  setStatus: z.union([z.literal(""), status]),
  addTags: tagsText,
});

/** Add or edit a canned reply. Shared replies are the desk's: only owners and admins write them. */
type FormProps = { desk: string; target: CannedFormTarget; canShare: boolean; folders: string[]; onClose: () => void; onSaved: (message: string) => void };

export function CannedFormDialog({ target, ...props }: Omit<FormProps, "target"> & { target: CannedFormTarget | null }) {
  return (
    <TargetDialog target={target} onClose={props.onClose} size="lg">
      {(chosen) => <CannedForm target={chosen} {...props} />}
    </TargetDialog>
  );
}

function CannedForm({ desk, target, canShare, folders, onClose, onSaved }: FormProps) {
  const t = useTranslations("ticket.canned.form");
  const tStatus = useTranslations("ticket.status");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const create = useMutation(trpc.canned.create.mutationOptions());
  const update = useMutation(trpc.canned.update.mutationOptions());
  const editing = target.mode === "edit" ? target.reply : null;
  const pending = create.isPending || update.isPending;
  const form = useServerForm(schema, {
    fields: ["title", "folder", "body", "shared", "setStatus", "addTags"],
    defaultValues: {
      title: editing?.title ?? "",
      folder: editing?.folder ?? "",
      body: editing?.body ?? "",
      shared: editing ? editing.shared : canShare,
      setStatus: editing?.setStatus ?? "",
      addTags: editing?.addTags.join(", ") ?? "",
    },
  });
  const { register, problem, control } = form;
  const body = useWatch({ control, name: "body" });
  const bodyMessage = form.formState.errors.body?.message;
  const bodyError = bodyMessage === unknownPlaceholders ? macrosMessage(body) : bodyMessage;

  const onSubmit = form.submit(async (values) => {
    const input = {
      desk,
      title: values.title,
      folder: values.folder,
      body: values.body,
      shared: canShare ? values.shared : false,
      setStatus: values.setStatus || null,
      addTags: parseTags(values.addTags) ?? [],
    };
    if (editing) await update.mutateAsync({ ...input, id: editing.id });
    else await create.mutateAsync(input);
    await queryClient.invalidateQueries({ queryKey: trpc.canned.list.queryKey() });
    onSaved(editing ? t("saved", { title: input.title }) : t("created", { title: input.title }));
    onClose();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={editing ? t("editTitle", { title: editing.title }) : t("addTitle")} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("title")} error={problem("title")} required>
          <Input maxLength={maxLengthOf(cannedFields.title)} autoComplete="off" autoFocus {...register("title")} />
        </Field>
        <Field label={t("folder")} hint={t("folderHint")} error={problem("folder")}>
          <Input maxLength={maxLengthOf(cannedFields.folder)} autoComplete="off" list={`${ids}-folders`} {...register("folder")} />
        </Field>
        <datalist id={`${ids}-folders`}>
          {folders.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <Field label={t("body")} hint={<MacroHint />} error={errorText(bodyError)} required>
        <Textarea rows={7} maxLength={maxLengthOf(cannedFields.body)} {...register("body")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("setStatus")} hint={t("setStatusHint")}>
          {(control) => (
            <NativeSelect {...control} {...register("setStatus")}>
              <option value="">{t("noStatus")}</option>
              <Options items={statuses} label={(status) => tStatus(status)} />
            </NativeSelect>
          )}
        </Field>
        <Field label={t("addTags")} hint={t("addTagsHint")} error={problem("addTags")}>
          <Input autoComplete="off" placeholder={t("addTagsPlaceholder")} {...register("addTags")} />
        </Field>
      </div>
      {canShare ? (
        <Controller
          control={control}
          name="shared"
          render={({ field }) => <CheckboxField label={t("shared")} description={t("sharedHint")} checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />}
        />
      ) : (
        <p className="text-sm text-slate-500">{t("personalOnly")}</p>
      )}
      <FormDialogFooter error={form.failure} cancelLabel={t("cancel")} submitLabel={editing ? t("save") : t("create")} pending={pending} />
    </form>
  );
}
