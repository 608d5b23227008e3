"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError } from "@/components/ticket/errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { DismissibleNotice, LoadError } from "@/components/ui/notices";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { CategoryFormDialog, type CategoryFormTarget } from "./category-form-dialog";
import type { KbCategory } from "./shared";

type Notice = { variant: "success" | "error"; text: string } | null;

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
  categories: { data?: KbCategory[]; isPending: boolean; isError: boolean; refetch: () => unknown };
  selected: string;
  onSelect: (categoryId: string) => void;
  className?: string;
}) {
  const t = useTranslations("kb.categories");
  const errorText = useErrorText();
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const move = useMutation(trpc.kb.moveCategory.mutationOptions());
  const remove = useMutation(trpc.kb.deleteCategory.mutationOptions());
  const [target, setTarget] = useState<CategoryFormTarget | null>(null);
  const [deleting, setDeleting] = useState<KbCategory | null>(null);
  const [deleteError, setDeleteError] = useState<ErrorMessage>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const list = categories.data ?? [];

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.kb.categories.queryKey({ desk }) }),
      queryClient.invalidateQueries({ queryKey: trpc.kb.articles.queryKey() }),
    ]);

  async function moveCategory(category: KbCategory, direction: "up" | "down") {
    setNotice(null);
    try {
      await move.mutateAsync({ desk, id: category.id, direction });
      await queryClient.invalidateQueries({ queryKey: trpc.kb.categories.queryKey({ desk }) });
      // The button pressed may have moved away from under the focus: keep it on the same control.
      requestAnimationFrame(() => document.getElementById(`${ids}-${direction}-${category.id}`)?.focus());
    } catch (error) {
      setNotice({ variant: "error", text: errorText(callError(error)) ?? "" });
    }
  }

  async function confirmDelete() {
    if (!deleting) return;
    setDeleteError(null);
    try {
      await remove.mutateAsync({ desk, id: deleting.id });
      if (selected === deleting.id || list.some((c) => c.parentId === deleting.id && c.id === selected)) onSelect("");
      setNotice({ variant: "success", text: t("deleted", { name: deleting.name }) });
      setDeleting(null);
      await refresh();
    } catch (error) {
      setDeleteError(callError(error));
    }
  }

  const siblingsOf = (category: KbCategory) => list.filter((c) => c.parentId === category.parentId);
  const childrenOf = (category: KbCategory) => list.filter((c) => c.parentId === category.id);

  let body: React.ReactNode;
  if (categories.isPending) {
    body = (
      <div className="flex flex-col gap-2 p-3" aria-busy="true">
        <span className="sr-only">{t("loading")}</span>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className={cn("h-7", i % 2 ? "ml-6" : "")} />
        ))}
      </div>
    );
  } else if (categories.isError) {
    body = (
      <div className="p-3">
        <LoadError message={t("loadFailed")} onRetry={() => void categories.refetch()} />
      </div>
    );
  } else if (list.length === 0) {
    body = (
      <div className="flex flex-col items-start gap-3 p-4 text-sm text-slate-600">
        <p className="font-medium text-slate-900">{t("emptyTitle")}</p>
        <p>{t("emptyDescription")}</p>
        {canEdit ? (
          <Button type="button" variant="secondary" size="sm" onClick={() => setTarget({ mode: "add", parentId: null })}>
            {t("add")}
          </Button>
        ) : null}
      </div>
    );
  } else {
    body = (
      <div className="p-1.5">
        <CategoryButton active={selected === ""} onClick={() => onSelect("")}>
          <span className="flex-1 truncate">{t("all")}</span>
        </CategoryButton>
        <ul className="gap-x-4 sm:columns-2 xl:columns-3 2xl:columns-1" aria-labelledby={`${ids}-title`}>
          {list
            .filter((c) => !c.parentId)
            .map((top) => (
              <li key={top.id} className="break-inside-avoid">
                <CategoryRow
                  category={top}
                  ids={ids}
                  canEdit={canEdit}
                  selected={selected}
                  onSelect={onSelect}
                  first={siblingsOf(top)[0]?.id === top.id}
                  last={siblingsOf(top).at(-1)?.id === top.id}
                  moving={move.isPending}
                  onMove={(direction) => void moveCategory(top, direction)}
                  onEdit={() => setTarget({ mode: "edit", category: top })}
                  onAddChild={() => setTarget({ mode: "add", parentId: top.id })}
                  onDelete={() => {
                    setDeleteError(null);
                    setDeleting(top);
                  }}
                />
                {childrenOf(top).length > 0 ? (
                  <ul className="ml-4 border-l border-slate-200 pl-1" aria-label={t("subcategoriesOf", { name: top.name })}>
                    {childrenOf(top).map((child, i, all) => (
                      <li key={child.id}>
                        <CategoryRow
                          category={child}
                          ids={ids}
                          canEdit={canEdit}
                          selected={selected}
                          onSelect={onSelect}
                          first={i === 0}
                          last={i === all.length - 1}
                          moving={move.isPending}
                          onMove={(direction) => void moveCategory(child, direction)}
                          onEdit={() => setTarget({ mode: "edit", category: child })}
                          onDelete={() => {
                            setDeleteError(null);
                            setDeleting(child);
                          }}
                        />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
        </ul>
      </div>
    );
  }

  const deletingChildren = deleting ? childrenOf(deleting).length : 0;
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
      <DismissibleNotice notice={notice} onClose={() => setNotice(null)} />
      <div className="rounded-xl border border-slate-200 bg-white">{body}</div>
      {canEdit && list.length > 0 ? <p className="text-xs text-slate-500">{t("help")}</p> : null}
      <CategoryFormDialog
        desk={desk}
        target={target}
        categories={list}
        onClose={() => setTarget(null)}
        onSaved={async (text) => {
          setNotice({ variant: "success", text });
          await refresh();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        title={t("deleteTitle", { name: deleting?.name ?? "" })}
        description={deletingChildren > 0 ? t("deleteWithChildren", { count: deletingChildren }) : t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        variant="danger"
        pending={remove.isPending}
        error={deleteError ? errorText(deleteError) : null}
        onConfirm={() => void confirmDelete()}
      />
    </section>
  );
}

function CategoryButton({ active, onClick, children }: { active: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cn(
        "flex w-full min-w-0 cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm transition-colors",
        active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
      )}
    >
      {children}
    </button>
  );
}

function CategoryRow({
  category,
  ids,
  canEdit,
  selected,
  onSelect,
  first,
  last,
  moving,
  onMove,
  onEdit,
  onAddChild,
  onDelete,
}: {
  category: KbCategory;
  ids: string;
  canEdit: boolean;
  selected: string;
  onSelect: (id: string) => void;
  first: boolean;
  last: boolean;
  moving: boolean;
  onMove: (direction: "up" | "down") => void;
  onEdit: () => void;
  onAddChild?: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("kb.categories");
  const arrow = (direction: "up" | "down") => (
    <button
      id={`${ids}-${direction}-${category.id}`}
      type="button"
      aria-label={t(direction === "up" ? "moveUp" : "moveDown", { name: category.name })}
      aria-disabled={(direction === "up" ? first : last) || moving || undefined}
      onClick={() => {
        if ((direction === "up" ? first : last) || moving) return;
        onMove(direction);
      }}
      className="inline-flex size-7 cursor-pointer items-center justify-center rounded-md text-slate-500 transition-colors hover:bg-slate-100 hover:text-slate-900 aria-disabled:cursor-default aria-disabled:opacity-30 aria-disabled:hover:bg-transparent"
    >
      <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-4">
        <path d={direction === "up" ? "m4 10 4-4 4 4" : "m4 6 4 4 4-4"} stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
  return (
    <div className="group flex items-center gap-0.5" data-testid="kb-category">
      <CategoryButton active={selected === category.id} onClick={() => onSelect(selected === category.id ? "" : category.id)}>
        {category.icon ? (
          <span aria-hidden="true" className="w-5 shrink-0 truncate text-center">
            {category.icon}
          </span>
        ) : null}
        <span className="min-w-0 flex-1 truncate">{category.name}</span>
        <span className="shrink-0 text-xs text-slate-400 tabular-nums">
          <span aria-hidden="true">{category.articles}</span>
          <span className="sr-only">{t("articles", { count: category.articles })}</span>
        </span>
      </CategoryButton>
      {canEdit ? (
        <div className="flex shrink-0 items-center">
          {arrow("up")}
          {arrow("down")}
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <button
                type="button"
                aria-label={t("actionsFor", { name: category.name })}
                className="inline-flex size-7 cursor-pointer items-center justify-center rounded-md text-slate-500 transition-colors hover:bg-slate-100 hover:text-slate-900"
              >
                <svg viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" className="size-4">
                  <circle cx="3.5" cy="8" r="1.25" />
                  <circle cx="8" cy="8" r="1.25" />
                  <circle cx="12.5" cy="8" r="1.25" />
                </svg>
              </button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end" className="w-52">
              <DropdownMenuLabel className="truncate">{category.name}</DropdownMenuLabel>
              <DropdownMenuItem onSelect={onEdit}>{t("edit")}</DropdownMenuItem>
              {onAddChild ? <DropdownMenuItem onSelect={onAddChild}>{t("addChild")}</DropdownMenuItem> : null}
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="danger" onSelect={onDelete}>
                {t("delete")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      ) : null}
    </div>
  );
}
