"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError, fieldError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/trpc/react";
import { slugify, slugMax, slugPattern, type KbCategory } from "./shared";

export type CategoryFormTarget = { mode: "add"; parentId: string | null } | { mode: "edit"; category: KbCategory };
type FieldName = "name" | "slug" | "description" | "icon" | "parentId";
type Errors = Partial<Record<FieldName, string>>;

const fieldNames: readonly FieldName[] = ["name", "slug", "description", "icon", "parentId"];

/** Create or edit a category: name, address, description, icon, and the top category it sits under. */
export function CategoryFormDialog({
  desk,
  target,
  categories,
  onClose,
  onSaved,
}: {
  desk: string;
  target: CategoryFormTarget | null;
  categories: KbCategory[];
  onClose: () => void;
  onSaved: (message: string) => Promise<void>;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent size="md">{target ? <CategoryForm desk={desk} target={target} categories={categories} onClose={onClose} onSaved={onSaved} /> : null}</DialogContent>
    </Dialog>
  );
}

function CategoryForm({
  desk,
  target,
  categories,
  onClose,
  onSaved,
}: {
  desk: string;
  target: CategoryFormTarget;
  categories: KbCategory[];
  onClose: () => void;
  onSaved: (message: string) => Promise<void>;
}) {
  const t = useTranslations("kb.categoryForm");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const create = useMutation(trpc.kb.createCategory.mutationOptions());
  const update = useMutation(trpc.kb.updateCategory.mutationOptions());
  const editing = target.mode === "edit" ? target.category : null;
  const [name, setName] = useState(editing?.name ?? "");
  const [slug, setSlug] = useState(editing?.slug ?? "");
  const [description, setDescription] = useState(editing?.description ?? "");
  const [icon, setIcon] = useState(editing?.icon ?? "");
  const [parentId, setParentId] = useState(editing ? (editing.parentId ?? "") : (target.mode === "add" ? (target.parentId ?? "") : ""));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const pending = create.isPending || update.isPending;

  // One level of nesting: a category with sub-categories stays at the top.
  const hasChildren = editing ? categories.some((c) => c.parentId === editing.id) : false;
  const parents = categories.filter((c) => !c.parentId && c.id !== editing?.id);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    const found: Errors = {};
    if (!name.trim()) found.name = "kb.nameRequired";
    const cleanSlug = slug.trim().toLowerCase();
    if (cleanSlug && !slugPattern.test(cleanSlug)) found.slug = "kb.slugInvalid";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = {
      desk,
      name: name.trim(),
      slug: cleanSlug || undefined,
      description: description.trim(),
      icon: icon.trim(),
      parentId: parentId || null,
    };
    try {
      if (editing) await update.mutateAsync({ ...input, id: editing.id });
      else await create.mutateAsync(input);
      onClose();
      await onSaved(editing ? t("saved", { name: input.name }) : t("created", { name: input.name }));
    } catch (error) {
      const fields: Errors = {};
      for (const field of fieldNames) {
        const message = fieldError(error, field);
        if (message) fields[field] = message;
      }
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(callError(error));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>{editing ? t("editTitle", { name: editing.name }) : t("addTitle")}</DialogTitle>
        <DialogDescription>{t("description")}</DialogDescription>
      </DialogHeader>
      <Field label={t("name")} error={errorText(errors.name)} required>
        <Input value={name} maxLength={120} autoComplete="off" autoFocus onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t("slug")} hint={t("slugHint")} error={errorText(errors.slug)}>
        <Input
          value={slug}
          maxLength={slugMax}
          autoComplete="off"
          spellCheck={false}
          placeholder={slugify(name) || t("slugPlaceholder")}
          onChange={(e) => setSlug(e.target.value)}
        />
      </Field>
      <Field label={t("descriptionLabel")} hint={t("descriptionHint", { count: description.length, max: 500 })} error={errorText(errors.description)}>
        <Textarea rows={3} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <div className="grid items-start gap-4 sm:grid-cols-[9rem_minmax(0,1fr)]">
        <Field label={t("icon")} hint={t("iconHint")} error={errorText(errors.icon)}>
          <Input value={icon} maxLength={40} autoComplete="off" placeholder="💳" onChange={(e) => setIcon(e.target.value)} />
        </Field>
        <Field label={t("parent")} hint={hasChildren ? t("parentLocked") : t("parentHint")} error={errorText(errors.parentId)}>
          {(control) => (
            <NativeSelect {...control} value={parentId} disabled={hasChildren} onChange={(e) => setParentId(e.target.value)}>
              <option value="">{t("noParent")}</option>
              {parents.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.icon ? `${category.icon} ${category.name}` : category.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      </div>
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
