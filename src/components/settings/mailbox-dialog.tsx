"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError, fieldError } from "@/components/ticket/errors";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormDialogFooter, FormDialogHeader, TargetDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";
import { useTRPC } from "@/trpc/react";

export type MailboxRow = inferRouterOutputs<AppRouter>["mail"]["mailboxes"]["mailboxes"][number];
export type MailboxTarget = { mode: "add" } | { mode: "edit"; mailbox: MailboxRow };
type FieldName = "address" | "host" | "port" | "username" | "password" | "folder" | "departmentId";

/** Connect or edit an IMAP mailbox: server, login, "Test connection" to pick the folder, and the department new mail goes to. */
export function MailboxDialog({
  desk,
  target,
  departments,
  onClose,
  onSaved,
}: {
  desk: string;
  target: MailboxTarget | null;
  departments: { id: string; name: string }[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  return (
    <TargetDialog target={target} onClose={onClose} size="lg">
      {(target) => <MailboxForm desk={desk} target={target} departments={departments} onClose={onClose} onSaved={onSaved} />}
    </TargetDialog>
  );
}

function MailboxForm({
  desk,
  target,
  departments,
  onClose,
  onSaved,
}: {
  desk: string;
  target: MailboxTarget;
  departments: { id: string; name: string }[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const t = useTranslations("mail.mailboxes.form");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const editing = target.mode === "edit" ? target.mailbox : null;
  const save = useMutation(trpc.mail.saveMailbox.mutationOptions());
  const test = useMutation(trpc.mail.testMailbox.mutationOptions());

  const [address, setAddress] = useState(editing?.address ?? "");
  const [host, setHost] = useState(editing?.host ?? "");
  const [port, setPort] = useState(String(editing?.port ?? 993));
  const [secure, setSecure] = useState(editing?.secure ?? true);
  const [username, setUsername] = useState(editing?.username ?? "");
  const [password, setPassword] = useState("");
  const [folder, setFolder] = useState(editing?.folder ?? "INBOX");
  const [folders, setFolders] = useState<string[] | null>(null);
  const [departmentId, setDepartmentId] = useState(editing?.departmentId ?? "");
  const [enabled, setEnabled] = useState(editing?.enabled ?? true);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const [tested, setTested] = useState<string | null>(null);

  const gmail = () => {
    setHost("imap.gmail.com");
    setPort("993");
    setSecure(true);
    if (!username && address) setUsername(address);
  };
  const connection = () => ({ desk, id: editing?.id ?? null, host: host.trim(), port: Number(port) || 0, secure, username: username.trim(), password });
  const fieldsOf = (error: unknown) => {
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of ["address", "host", "port", "username", "password", "folder", "departmentId"] as const) {
      const message = fieldError(error, name);
      if (message) found[name] = message;
    }
    return found;
  };

  const runTest = async () => {
    setFormError(null);
    setTested(null);
    try {
      const result = await test.mutateAsync(connection());
      setFolders(result.folders);
      if (!result.folders.includes(folder)) setFolder(result.folders[0] ?? "INBOX");
      setTested(t("testOk", { count: result.folders.length }));
      setErrors({});
    } catch (error) {
      setFolders(null);
      const found = fieldsOf(error);
      setErrors(found);
      if (Object.keys(found).length === 0) setFormError(callError(error));
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    try {
      await save.mutateAsync({ ...connection(), address: address.trim(), folder: folder.trim(), departmentId: departmentId || null, enabled });
      await queryClient.invalidateQueries({ queryKey: trpc.mail.mailboxes.queryKey() });
      onSaved(editing ? t("saved", { address: address.trim() }) : t("created", { address: address.trim() }));
      onClose();
    } catch (error) {
      const found = fieldsOf(error);
      setErrors(found);
      if (Object.keys(found).length === 0) setFormError(callError(error));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={editing ? t("editTitle", { address: editing.address }) : t("addTitle")} description={t("description")} />
      <Field label={t("address")} hint={t("addressHint")} error={errorText(errors.address)} required>
        <Input type="email" value={address} maxLength={254} autoComplete="off" autoFocus onChange={(e) => setAddress(e.target.value)} />
      </Field>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{t("presets")}</span>
        <Button type="button" size="sm" variant="secondary" onClick={gmail}>
          Gmail
        </Button>
        <span>{t("gmailHint")}</span>
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_7rem]">
        <Field label={t("host")} error={errorText(errors.host)} required>
          <Input value={host} maxLength={253} autoComplete="off" placeholder="imap.example.com" onChange={(e) => setHost(e.target.value)} />
        </Field>
        <Field label={t("port")} error={errorText(errors.port)} required>
          <Input inputMode="numeric" value={port} maxLength={5} autoComplete="off" onChange={(e) => setPort(e.target.value.replace(/\D/g, ""))} />
        </Field>
      </div>
      <CheckboxField label={t("secure")} description={t("secureHint")} checked={secure} onCheckedChange={(checked) => setSecure(checked === true)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("username")} error={errorText(errors.username)} required>
          <Input value={username} maxLength={254} autoComplete="off" onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field label={t("password")} hint={editing ? t("passwordKeep") : t("passwordHint")} error={errorText(errors.password)} required={!editing}>
          <Input type="password" value={password} maxLength={500} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
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
        <Field label={t("folder")} hint={folders ? undefined : t("folderHint")} error={errorText(errors.folder)} required>
          {folders ? (
            (control) => (
              <NativeSelect {...control} value={folder} onChange={(e) => setFolder(e.target.value)}>
                {folders.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </NativeSelect>
            )
          ) : (
            <Input value={folder} maxLength={200} autoComplete="off" onChange={(e) => setFolder(e.target.value)} />
          )}
        </Field>
        <Field label={t("department")} hint={t("departmentHint")} error={errorText(errors.departmentId)}>
          {(control) => (
            <NativeSelect {...control} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t("defaultDepartment")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      </div>
      <CheckboxField label={t("enabled")} description={t("enabledHint")} checked={enabled} onCheckedChange={(checked) => setEnabled(checked === true)} />
      <FormDialogFooter error={errorText(formError)} cancelLabel={t("cancel")} submitLabel={editing ? t("save") : t("connect")} pending={save.isPending} />
    </form>
  );
}
