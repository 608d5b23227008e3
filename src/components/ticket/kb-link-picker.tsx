"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ListboxPicker } from "@/components/ui/listbox-picker";
import { ManageLink, PickerDialog, PickerEmpty, PickerFooter, type PickerProps } from "@/components/ui/picker-dialog";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";

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
export function KbLinkPicker({ desk, ...dialog }: PickerProps<LinkedArticle>) {
  const t = useTranslations("ticket.kbLink");
  return (
    <PickerDialog {...dialog} size="md" title={t("title")} description={t("description")}>
      {(choose) => <ArticleList desk={desk} onChoose={choose} />}
    </PickerDialog>
  );
}

function ArticleManageLink({ desk }: { desk: string }) {
  const t = useTranslations("ticket.kbLink");
  return <ManageLink href={`/d/${desk}/kb`} label={t("manage")} newTab={t("newTab")} />;
}

function ArticleList({ desk, onChoose }: { desk: string; onChoose: (article: LinkedArticle) => void }) {
  const t = useTranslations("ticket.kbLink");
  const trpc = useTRPC();
  const [filter, setFilter] = useState("");
  const [query, setQuery] = useState("");

  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter.trim()), 150);
    return () => clearTimeout(timer);
  }, [filter]);

  const list = useQuery(trpc.kb.linkSearch.queryOptions({ desk, query }, { staleTime: 0, placeholderData: keepPreviousData }));
  const articles = list.data ?? [];
  // Nothing typed and nothing found: the desk has no published article at all.
  const noArticles = (found: readonly LinkedArticle[]) => found.length === 0 && query === "" && filter.trim() === "";

  return (
    <>
      <ListboxPicker
        items={articles}
        filter={filter}
        onFilterChange={setFilter}
        onChoose={onChoose}
        searchLabel={t("search")}
        listLabel={t("label")}
        noMatch={t("noMatch")}
        maxLength={200}
        busy={list.isFetching}
        optionClassName={(active) => (active ? "flex-col bg-brand-50 text-brand-800" : "flex-col text-slate-800")}
        renderOption={(article, active) => (
          <>
            <span className="truncate font-medium">{article.title}</span>
            <span className={cn("truncate text-xs", active ? "text-brand-700" : "text-slate-500")}>{readable(article.url)}</span>
          </>
        )}
        wrapList={(picker) => (
          <QueryState
            query={list}
            loading={<ListSkeleton label={t("loading")} />}
            errorMessage={t("loadFailed")}
            isEmpty={noArticles}
            empty={<PickerEmpty title={t("empty")} description={t("emptyDescription")} action={<ArticleManageLink desk={desk} />} />}
          >
            {() => picker}
          </QueryState>
        )}
      />
      <PickerFooter keys={t("keys")} manage={list.isSuccess && noArticles(articles) ? null : <ArticleManageLink desk={desk} />} />
    </>
  );
}
