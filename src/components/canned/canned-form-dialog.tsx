"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError, fieldError } from "@/components/ticket/errors";
import { maxTags, normalizeTag, statuses, type CannedReply } from "@/components/ticket/shared";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { unknownMacros } from "@/lib/macros";
import { useTRPC } from "@/trpc/react";
import { MacroHint } from "./macro-hint";

export type CannedFormTarget = { mode: "add" } | { mode: "edit"; reply: CannedReply };
type Status = (typeof statuses)[number];
type Errors = Partial<Record<"title" | "folder" | "body" | "addTags", string | ErrorMessage>>;

/** Add or edit a canned reply. Shared replies are the desk's: only owners and admins write them. */
export function CannedFormDialog({
  desk,
  target,
  canShare,
  folders,
  onClose,
  onSaved,
}: {
  desk: string;
  target: CannedFormTarget | null;
  canShare: boolean;
  folders: string[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent size="lg">
        {target ? <CannedForm desk={desk} target={target} canShare={canShare} folders={folders} onClose={onClose} onSaved={onSaved} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function CannedForm({
  desk,
  target,
  canShare,
  folders,
  onClose,
  onSaved,
}: {
  desk: string;
  target: CannedFormTarget;
  canShare: boolean;
  folders: string[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const t = useTranslations("ticket.canned.form");
  const tStatus = useTranslations("ticket.status");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const create = useMutation(trpc.canned.create.mutationOptions());
  const update = useMutation(trpc.canned.update.mutationOptions());
  const editing = target.mode === "edit" ? target.reply : null;

  const [title, setTitle] = useState(editing?.title ?? "");
  const [folder, setFolder] = useState(editing?.folder ?? "");
  const [body, setBody] = useState(editing?.body ?? "");
  const [shared, setShared] = useState(editing ? editing.shared : canShare);
  const [setStatus, setSetStatus] = useState<Status | "">(editing?.setStatus ?? "");
  const [tags, setTags] = useState(editing?.addTags.join(", ") ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const pending = create.isPending || update.isPending;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found: Errors = {};
    if (!title.trim()) found.title = "canned.titleRequired";
    if (!body.trim()) found.body = "ticket.bodyRequired";
    const unknown = unknownMacros(body);
    if (unknown.length > 0) found.body = { key: "macros.unknown", params: { macros: unknown.map((m) => `{{${m}}}`).join(", ") } };
    const parts = tags.split(",").map((part) => part.trim()).filter(Boolean);
    const addTags = parts.map(normalizeTag);
    if (addTags.some((tag) => tag === null)) found.addTags = "ticket.tagInvalid";
    else if (new Set(addTags).size > maxTags) found.addTags = "ticket.tooManyTags";
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    const input = {
      desk,
      title: title.trim(),
      folder: folder.trim(),
      body,
      shared: canShare ? shared : false,
      setStatus: setStatus || null,
      addTags: [...new Set(addTags as string[])],
    };
    try {
      if (editing) await update.mutateAsync({ ...input, id: editing.id });
      else await create.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.canned.list.queryKey() });
      onSaved(editing ? t("saved", { title: input.title }) : t("created", { title: input.title }));
      onClose();
    } catch (error) {
      const fields: Errors = {};
      for (const name of ["title", "folder", "body", "addTags"] as const) {
        const message = fieldError(error, name);
        if (message) fields[name] = message === "macros.unknown" ? callError(error) : message;
      }
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(callError(error));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>{editing ? t("editTitle", { title: editing.title }) : t("addTitle")}</DialogTitle>
        <DialogDescription>{t("description")}</DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("title")} error={errorText(errors.title)} required>
          <Input value={title} maxLength={120} autoComplete="off" autoFocus onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={t("folder")} hint={t("folderHint")} error={errorText(errors.folder)}>
          <Input value={folder} maxLength={60} autoComplete="off" list={`${ids}-folders`} onChange={(e) => setFolder(e.target.value)} />
        </Field>
        <datalist id={`${ids}-folders`}>
          {folders.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <Field label={t("body")} hint={<MacroHint />} error={errorText(errors.body)} required>
        <Textarea rows={7} maxLength={20000} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("setStatus")} hint={t("setStatusHint")}>
          {(control) => (
            <NativeSelect {...control} value={setStatus} onChange={(e) => setSetStatus(e.target.value as Status | "")}>
              <option value="">{t("noStatus")}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {tStatus(status)}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label={t("addTags")} hint={t("addTagsHint")} error={errorText(errors.addTags)}>
          <Input value={tags} autoComplete="off" placeholder={t("addTagsPlaceholder")} onChange={(e) => setTags(e.target.value)} />
        </Field>
      </div>
      {canShare ? (
        <CheckboxField label={t("shared")} description={t("sharedHint")} checked={shared} onCheckedChange={(checked) => setShared(checked === true)} />
      ) : (
        <p className="text-sm text-slate-500">{t("personalOnly")}</p>
      )}
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("cancel")}
          </Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          {editing ? t("save") : t("create")}
        </Button>
      </DialogFooter>
    </form>
  );
}
