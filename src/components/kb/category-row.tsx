"use client";

import { useTranslations } from "next-intl";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { MoreIcon } from "@/components/ui/icon";
import { cn } from "@/lib/cn";
import type { KbCategory } from "./shared";

/** A category of the tree beside the article list, or "All": pressed while it filters the list. */
export function CategoryButton({ active, onClick, children }: { active: boolean; onClick: () => void; children: React.ReactNode }) {
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

/** One category with its article count and, for editors, reorder arrows and a menu of actions. */
export function CategoryRow({
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
                <MoreIcon className="size-4" />
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
