"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import { FormDialogFooter, FormDialogHeader, TargetDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { textInput } from "@/lib/text-input";
import { categoryInput, kbSlug } from "@/server/kb/inputs";
import { useTRPC } from "@/trpc/react";
import { slugify, type KbCategory } from "./shared";

export type CategoryFormTarget = { mode: "add"; parentId: string | null } | { mode: "edit"; category: KbCategory };

// The server's fields; the address may be left empty (made from the name) and the parent is "" for none.
const schema = z.object(categoryInput).extend({ slug: z.union([z.literal(""), kbSlug]), parentId: textInput() });

type FormProps = { desk: string; target: CategoryFormTarget; categories: KbCategory[]; onClose: () => void; onSaved: (message: string) => Promise<void> };

/** Create or edit a category: name, address, description, icon, and the top category it sits under. */
export function CategoryFormDialog({ target, ...props }: Omit<FormProps, "target"> & { target: CategoryFormTarget | null }) {
  return (
    <TargetDialog target={target} onClose={props.onClose} size="md">
      {(chosen) => <CategoryForm target={chosen} {...props} />}
    </TargetDialog>
  );
}

function CategoryForm({ desk, target, categories, onClose, onSaved }: FormProps) {
  const t = useTranslations("kb.categoryForm");
  const trpc = useTRPC();
  const create = useMutation(trpc.kb.createCategory.mutationOptions());
  const update = useMutation(trpc.kb.updateCategory.mutationOptions());
  const editing = target.mode === "edit" ? target.category : null;
  const pending = create.isPending || update.isPending;
  const form = useServerForm(schema, {
    fields: ["name", "slug", "description", "icon", "parentId"],
    defaultValues: {
      name: editing?.name ?? "",
      slug: editing?.slug ?? "",
      description: editing?.description ?? "",
      icon: editing?.icon ?? "",
      parentId: editing ? (editing.parentId ?? "") : target.mode === "add" ? (target.parentId ?? "") : "",
    },
  });
  const { register, problem, control } = form;
  const [name, description] = useWatch({ control, name: ["name", "description"] });

  // One level of nesting: a category with sub-categories stays at the top.
  const hasChildren = editing ? categories.some((c) => c.parentId === editing.id) : false;
  const parents = categories.filter((c) => !c.parentId && c.id !== editing?.id);

  const onSubmit = form.submit(async (values) => {
    const input = { desk, ...values, slug: values.slug || undefined, parentId: values.parentId || null };
    if (editing) await update.mutateAsync({ ...input, id: editing.id });
    else await create.mutateAsync(input);
    onClose();
    await onSaved(editing ? t("saved", { name: input.name }) : t("created", { name: input.name }));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={editing ? t("editTitle", { name: editing.name }) : t("addTitle")} description={t("description")} />
      <Field label={t("name")} error={problem("name")} required>
        <Input maxLength={maxLengthOf(categoryInput.name)} autoComplete="off" autoFocus {...register("name")} />
      </Field>
      <Field label={t("slug")} hint={t("slugHint")} error={problem("slug")}>
        <Input maxLength={maxLengthOf(kbSlug)} autoComplete="off" spellCheck={false} placeholder={slugify(name) || t("slugPlaceholder")} {...register("slug")} />
      </Field>
      <Field
        label={t("descriptionLabel")}
        hint={t("descriptionHint", { count: description?.length ?? 0, max: maxLengthOf(categoryInput.description) ?? 0 })}
        error={problem("description")}
      >
        <Textarea rows={3} maxLength={maxLengthOf(categoryInput.description)} {...register("description")} />
      </Field>
      <div className="grid items-start gap-4 sm:grid-cols-[9rem_minmax(0,1fr)]">
        <Field label={t("icon")} hint={t("iconHint")} error={problem("icon")}>
          <Input maxLength={maxLengthOf(categoryInput.icon)} autoComplete="off" placeholder="💳" {...register("icon")} />
        </Field>
        <Field label={t("parent")} hint={hasChildren ? t("parentLocked") : t("parentHint")} error={problem("parentId")}>
          {(control) => (
            <NativeSelect {...control} disabled={hasChildren} {...register("parentId")}>
              <option value="">{t("noParent")}</option>
              <Options items={parents} value={(category) => category.id} label={(category) => category.icon ? `${category.icon} ${category.name}` : category.name} />
            </NativeSelect>
          )}
        </Field>
      </div>
      <FormDialogFooter error={form.failure} cancelLabel={t("cancel")} submitLabel={editing ? t("save") : t("create")} pending={pending} />
    </form>
  );
}
