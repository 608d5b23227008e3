"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { useListbox } from "@/components/ui/use-listbox";

export type LinkedArticle = { id: string; title: string; slug: string; url: string };

/** An address as people read it (Cyrillic slugs unescaped); the link itself keeps the encoded form. */
function readable(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** An article as a Markdown link; brackets in the title and parentheses in the address are escaped. */
export const articleLink = (article: LinkedArticle) =>
  `[${article.title.replace(/[\\[\]]/g, "\\$&")}](${article.url.replace(/\(/g, "%28").replace(/\)/g, "%29")})`;

/** The composer's "Article link" button, beside "Canned reply". */
export function KbLinkButton({ onClick }: { onClick: () => void }) {
  const t = useTranslations("ticket.kbLink");
  return (
    <Button type="button" variant="secondary" size="sm" onClick={onClick}>
      <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
        <path
          d="M6.75 9.25a2.5 2.5 0 0 0 3.5 0l2.25-2.25a2.5 2.5 0 0 0-3.5-3.5l-.6.6M9.25 6.75a2.5 2.5 0 0 0-3.5 0L3.5 9a2.5 2.5 0 0 0 3.5 3.5l.6-.6"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
        />
      </svg>
      {t("button")}
    </Button>
  );
}

/**
 * "Insert article link": search the desk's published articles by title (the newest when nothing is
 * typed), arrows to move, Enter to insert `[Title](url)` at the cursor. Same look and keys as the
 * canned-reply picker.
 */
export function KbLinkPicker({
  desk,
  open,
  onOpenChange,
  onChoose,
}: {
  desk: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChoose: (article: LinkedArticle) => void;
}) {
  const chose = useRef(false);
  const returnTo = useRef<HTMLElement | null>(null);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        size="md"
        className="gap-3"
        // Opened by state, not a DialogTrigger, so Radix has no trigger to give focus back to: remember
        // what had it. After an insertion the caret stays in the composer instead.
        onOpenAutoFocus={() => {
          returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          if (!chose.current) returnTo.current?.focus();
          chose.current = false;
        }}
      >
        {open ? (
          <PickerBody
            desk={desk}
            onChoose={(article) => {
              chose.current = true;
              onOpenChange(false);
              onChoose(article);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function PickerBody({ desk, onChoose }: { desk: string; onChoose: (article: LinkedArticle) => void }) {
  const t = useTranslations("ticket.kbLink");
  const trpc = useTRPC();
  const ids = useId();
  const [filter, setFilter] = useState("");
  const [query, setQuery] = useState("");

  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter.trim()), 150);
    return () => clearTimeout(timer);
  }, [filter]);

  const list = useQuery(trpc.kb.linkSearch.queryOptions({ desk, query }, { staleTime: 0, placeholderData: keepPreviousData }));
  const articles = list.data ?? [];
  const { current, setActive, optionId, onKeyDown } = useListbox(articles, ids, onChoose);

  const manage = (
    <a href={`/d/${desk}/kb`} target="_blank" rel="noopener" className="text-sm font-medium text-brand-700 hover:underline">
      {t("manage")}
      <span className="sr-only"> {t("newTab")}</span>
    </a>
  );
  // Nothing typed and nothing found: the desk has no published article at all.
  const noArticles = list.isSuccess && articles.length === 0 && query === "" && filter.trim() === "";

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogDescription>{t("description")}</DialogDescription>
      </DialogHeader>
      <input
        role="combobox"
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        aria-label={t("search")}
        placeholder={t("search")}
        autoComplete="off"
        maxLength={200}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="h-9 w-full rounded-lg border border-slate-300 px-3 text-sm shadow-xs placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500"
      />
      {list.isPending ? (
        <div className="flex flex-col gap-2" aria-busy="true">
          <span className="sr-only">{t("loading")}</span>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-9 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <Alert variant="error" action={<Button variant="secondary" size="sm" onClick={() => void list.refetch()}>{t("retry")}</Button>}>
          {t("loadFailed")}
        </Alert>
      ) : noArticles ? (
        <div className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center">
          <p className="text-sm font-medium text-slate-900">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("emptyDescription")}</p>
          <div className="mt-3">{manage}</div>
        </div>
      ) : (
        <ul role="listbox" id={`${ids}-list`} aria-label={t("label")} aria-busy={list.isFetching || undefined} className="max-h-80 overflow-y-auto rounded-lg border border-slate-200 p-1">
          {articles.map((article) => {
            const selected = article.id === current?.id;
            return (
              <li
                key={article.id}
                id={optionId(article)}
                role="option"
                aria-selected={selected}
                onMouseMove={() => setActive(articles.indexOf(article))}
                onClick={() => onChoose(article)}
                className={cn("flex cursor-pointer flex-col rounded-md px-2 py-1.5 text-sm", selected ? "bg-brand-50 text-brand-800" : "text-slate-800")}
              >
                <span className="truncate font-medium">{article.title}</span>
                <span className={cn("truncate text-xs", selected ? "text-brand-700" : "text-slate-500")}>{readable(article.url)}</span>
              </li>
            );
          })}
          {articles.length === 0 ? <li className="px-2 py-3 text-sm text-slate-500">{t("noMatch")}</li> : null}
        </ul>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3">
        <p className="text-xs text-slate-500">{t("keys")}</p>
        {noArticles ? null : manage}
      </div>
    </>
  );
}
