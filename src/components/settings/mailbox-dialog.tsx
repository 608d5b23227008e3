"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { maxLengthOf, wholeNumber } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormDialogFooter, FormDialogHeader, TargetDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";
import { textInput } from "@/lib/text-input";
import { mailboxFields, mailboxForm } from "@/server/mail/inputs";
import { useTRPC } from "@/trpc/react";

export type MailboxRow = inferRouterOutputs<AppRouter>["mail"]["mailboxes"]["mailboxes"][number];
export type MailboxTarget = { mode: "add" } | { mode: "edit"; mailbox: MailboxRow };
// The server's fields; the department select holds "" for the desk's default.
const schema = mailboxForm.extend({ departmentId: textInput() });

type FormProps = { desk: string; target: MailboxTarget; departments: { id: string; name: string }[]; onClose: () => void; onSaved: (message: string) => void };

/** Connect or edit an IMAP mailbox: server, login, "Test connection" to pick the folder, and the department new mail goes to. */
export function MailboxDialog({ target, ...props }: Omit<FormProps, "target"> & { target: MailboxTarget | null }) {
  return (
    <TargetDialog target={target} onClose={props.onClose} size="lg">
      {(chosen) => <MailboxForm target={chosen} {...props} />}
    </TargetDialog>
  );
}

function MailboxForm({ desk, target, departments, onClose, onSaved }: FormProps) {
  const t = useTranslations("mail.mailboxes.form");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const editing = target.mode === "edit" ? target.mailbox : null;
  const save = useMutation(trpc.mail.saveMailbox.mutationOptions());
  const test = useMutation(trpc.mail.testMailbox.mutationOptions());

  const [folders, setFolders] = useState<string[] | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  const form = useServerForm(schema, {
    fields: ["address", "host", "port", "username", "password", "folder", "departmentId"],
    defaultValues: {
      address: editing?.address ?? "",
      host: editing?.host ?? "",
      port: editing?.port ?? 993,
      secure: editing?.secure ?? true,
      username: editing?.username ?? "",
      password: "",
      folder: editing?.folder ?? "INBOX",
      departmentId: editing?.departmentId ?? "",
      enabled: editing?.enabled ?? true,
    },
  });
  const { register, problem, setValue, getValues, control } = form;

  const gmail = () => {
    setValue("host", "imap.gmail.com");
    setValue("port", 993);
    setValue("secure", true);
    const { username, address } = getValues();
    if (!username && address) setValue("username", address);
  };
  const connection = () => {
    const { host, port, secure, username, password } = getValues();
    return { desk, id: editing?.id ?? null, host: host.trim(), port, secure, username: username.trim(), password };
  };

  const runTest = async () => {
    form.setFailure(null);
    setTested(null);
    if (!(await form.trigger(["host", "port", "username", "password"]))) return;
    await form.attempt(async () => {
      const result = await test.mutateAsync(connection(), { onError: () => setFolders(null) });
      setFolders(result.folders);
      if (!result.folders.includes(getValues("folder"))) setValue("folder", result.folders[0] ?? "INBOX");
      setTested(t("testOk", { count: result.folders.length }));
      form.clearErrors();
    });
  };

  const onSubmit = form.submit(async (values) => {
    await save.mutateAsync({ desk, id: editing?.id ?? null, ...values, departmentId: values.departmentId || null });
    await queryClient.invalidateQueries({ queryKey: trpc.mail.mailboxes.queryKey() });
    onSaved(editing ? t("saved", { address: values.address }) : t("created", { address: values.address }));
    onClose();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={editing ? t("editTitle", { address: editing.address }) : t("addTitle")} description={t("description")} />
      <Field label={t("address")} hint={t("addressHint")} error={problem("address")} required>
        <Input type="email" maxLength={maxLengthOf(mailboxFields.address)} autoComplete="off" autoFocus {...register("address")} />
      </Field>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{t("presets")}</span>
        <Button type="button" size="sm" variant="secondary" onClick={gmail}>
          Gmail
        </Button>
        <span>{t("gmailHint")}</span>
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_7rem]">
        <Field label={t("host")} error={problem("host")} required>
          <Input maxLength={maxLengthOf(mailboxFields.host)} autoComplete="off" placeholder="imap.example.com" {...register("host")} />
        </Field>
        <Field label={t("port")} error={problem("port")} required>
          <Input inputMode="numeric" maxLength={5} autoComplete="off" {...register("port", { setValueAs: wholeNumber })} />
        </Field>
      </div>
      <Controller control={control} name="secure" render={({ field }) => <CheckboxField label={t("secure")} description={t("secureHint")} checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("username")} error={problem("username")} required>
          <Input maxLength={maxLengthOf(mailboxFields.username)} autoComplete="off" {...register("username")} />
        </Field>
        <Field label={t("password")} hint={editing ? t("passwordKeep") : t("passwordHint")} error={problem("password")} required={!editing}>
          <Input type="password" maxLength={maxLengthOf(mailboxFields.password)} autoComplete="new-password" {...register("password")} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" loading={test.isPending} onClick={() => void runTest()}>
          {t("test")}
        </Button>
        {tested ? (
          <span role="status" className="text-sm text-emerald-700">
            {tested}
          </span>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("folder")} hint={folders ? undefined : t("folderHint")} error={problem("folder")} required>
          {folders ? (
            (control) => (
              <NativeSelect {...control} {...register("folder")}>
                <Options items={folders} label={(name) => name} />
              </NativeSelect>
            )
          ) : (
            <Input maxLength={maxLengthOf(mailboxFields.folder)} autoComplete="off" {...register("folder")} />
          )}
        </Field>
        <Field label={t("department")} hint={t("departmentHint")} error={problem("departmentId")}>
          {(control) => (
            <NativeSelect {...control} {...register("departmentId")}>
              <option value="">{t("defaultDepartment")}</option>
              <Options items={departments} value={(d) => d.id} label={(d) => d.name} />
            </NativeSelect>
          )}
        </Field>
      </div>
      <Controller control={control} name="enabled" render={({ field }) => <CheckboxField label={t("enabled")} description={t("enabledHint")} checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />} />
      <FormDialogFooter error={form.failure} cancelLabel={t("cancel")} submitLabel={editing ? t("save") : t("connect")} pending={save.isPending} />
    </form>
  );
}
