"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { callError } from "@/components/ticket/errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { DismissibleNotice, useNotice } from "@/components/ui/notices";
import { ListSkeleton, QueryState, type QueryLike } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { CategoryFormDialog, type CategoryFormTarget } from "./category-form-dialog";
import { CategoryButton, CategoryRow } from "./category-row";
import type { KbCategory } from "./shared";

/**
 * The category tree (one level of sub-categories) beside the article list: picking one filters
 * the list; editors add, edit, reorder and delete categories here.
 */
export function CategoryPanel({
  desk,
  canEdit,
  categories,
  selected,
  onSelect,
  className,
}: {
  desk: string;
  canEdit: boolean;
  categories: QueryLike<KbCategory[]>;
  selected: string;
  onSelect: (categoryId: string) => void;
  className?: string;
}) {
  const t = useTranslations("kb.categories");
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const move = useMutation(trpc.kb.moveCategory.mutationOptions());
  const remove = useMutation(trpc.kb.deleteCategory.mutationOptions());
  const [target, setTarget] = useState<CategoryFormTarget | null>(null);
  const notices = useNotice();
  const list = categories.data ?? [];

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.kb.categories.queryKey({ desk }) }),
      queryClient.invalidateQueries({ queryKey: trpc.kb.articles.queryKey() }),
    ]);

  async function moveCategory(category: KbCategory, direction: "up" | "down") {
    notices.clear();
    try {
      await move.mutateAsync({ desk, id: category.id, direction });
      await queryClient.invalidateQueries({ queryKey: trpc.kb.categories.queryKey({ desk }) });
      // The button pressed may have moved away from under the focus: keep it on the same control.
      requestAnimationFrame(() => document.getElementById(`${ids}-${direction}-${category.id}`)?.focus());
    } catch (error) {
      notices.fail(error, callError);
    }
  }

  const deletion = useConfirmation(async (category: KbCategory) => {
    await remove.mutateAsync({ desk, id: category.id });
    if (selected === category.id || list.some((c) => c.parentId === category.id && c.id === selected)) onSelect("");
    notices.show({ variant: "success", text: t("deleted", { name: category.name }) });
    await refresh();
  });

  const siblingsOf = (category: KbCategory) => list.filter((c) => c.parentId === category.parentId);
  const childrenOf = (category: KbCategory) => list.filter((c) => c.parentId === category.id);

  const row = (category: KbCategory, first: boolean, last: boolean, onAddChild?: () => void) => (
    <CategoryRow
      category={category}
      ids={ids}
      canEdit={canEdit}
      selected={selected}
      onSelect={onSelect}
      first={first}
      last={last}
      moving={move.isPending}
      onMove={(direction) => void moveCategory(category, direction)}
      onEdit={() => setTarget({ mode: "edit", category })}
      onAddChild={onAddChild}
      onDelete={() => {
        deletion.ask(category);
      }}
    />
  );

  const body = (
    <QueryState
      query={categories}
      loading={<ListSkeleton label={t("loading")} className="flex flex-col gap-2 p-3" row={(i) => <Skeleton className={cn("h-7", i % 2 ? "ml-6" : "")} />} />}
      errorMessage={t("loadFailed")}
      errorClassName="p-3"
      isEmpty={(all) => all.length === 0}
      empty={
        <div className="flex flex-col items-start gap-3 p-4 text-sm text-slate-600">
          <p className="font-medium text-slate-900">{t("emptyTitle")}</p>
          <p>{t("emptyDescription")}</p>
          {canEdit ? (
            <Button type="button" variant="secondary" size="sm" onClick={() => setTarget({ mode: "add", parentId: null })}>
              {t("add")}
            </Button>
          ) : null}
        </div>
      }
    >
      {() => (
        <div className="p-1.5">
          <CategoryButton active={selected === ""} onClick={() => onSelect("")}>
            <span className="flex-1 truncate">{t("all")}</span>
          </CategoryButton>
          <ul className="gap-x-4 sm:columns-2 xl:columns-3 2xl:columns-1" aria-labelledby={`${ids}-title`}>
            {list
              .filter((c) => !c.parentId)
              .map((top) => (
                <li key={top.id} className="break-inside-avoid">
                  {row(top, siblingsOf(top)[0]?.id === top.id, siblingsOf(top).at(-1)?.id === top.id, () => setTarget({ mode: "add", parentId: top.id }))}
                  {childrenOf(top).length > 0 ? (
                    <ul className="ml-4 border-l border-slate-200 pl-1" aria-label={t("subcategoriesOf", { name: top.name })}>
                      {childrenOf(top).map((child, i, all) => (
                        <li key={child.id}>
                          {row(child, i === 0, i === all.length - 1)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      )}
    </QueryState>
  );

  const deletingChildren = deletion.target ? childrenOf(deletion.target).length : 0;
  return (
    <section aria-labelledby={`${ids}-title`} className={cn("flex min-w-0 flex-col gap-3", className)}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${ids}-title`} className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        {canEdit && list.length > 0 ? (
          <Button type="button" variant="secondary" size="sm" onClick={() => setTarget({ mode: "add", parentId: null })}>
            {t("add")}
          </Button>
        ) : null}
      </div>
      <DismissibleNotice notice={notices.notice} onClose={notices.clear} />
      <div className="rounded-xl border border-slate-200 bg-white">{body}</div>
      {canEdit && list.length > 0 ? <p className="text-xs text-slate-500">{t("help")}</p> : null}
      <CategoryFormDialog
        desk={desk}
        target={target}
        categories={list}
        onClose={() => setTarget(null)}
        onSaved={async (text) => {
          notices.show({ variant: "success", text });
          await refresh();
        }}
      />
      <ConfirmDialog
        {...deletion.dialog}
        title={t("deleteTitle", { name: deletion.target?.name ?? "" })}
        description={deletingChildren > 0 ? t("deleteWithChildren", { count: deletingChildren }) : t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        variant="danger"
      />
    </section>
  );
}
