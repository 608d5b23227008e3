"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { hiddenInTable } from "@/components/staff/shared";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { strokeIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { SegmentedChoice } from "@/components/ui/segmented-tabs";
import { Skeleton } from "@/components/ui/skeleton";
import { Cell, Table, TableBody } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { CategoryPanel } from "./category-panel";
import { categoryLabel, helpfulPercent, type KbArticleRow, type KbCategory } from "./shared";
import { useDebounced } from "./use-debounced";

const ArticlesIcon = strokeIcon("0 0 24 24", "", <><path d="M4.5 5.5A2 2 0 0 1 6.5 3.5H19v14H6.5a2 2 0 0 0-2 2z" /><path d="M4.5 19.5a2 2 0 0 0 2 2H19v-4" /><path d="M9 8h6M9 11h4" /></>);

const statusFilters = ["all", "published", "draft"] as const;
type StatusFilter = (typeof statusFilters)[number];

/** The knowledge base at a glance: articles with their numbers, filtered, beside the categories. */
export function KbOverview({ desk, canEdit, timeZone }: { desk: string; canEdit: boolean; timeZone: string }) {
  const t = useTranslations("kb.list");
  const ids = useId();
  const trpc = useTRPC();
  const [status, setStatus] = useState<StatusFilter>("all");
  const [chosenCategoryId, setCategoryId] = useState("");
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim());
  const categories = useQuery(trpc.kb.categories.queryOptions({ desk }));
  // A category deleted while chosen as the filter stops filtering.
  const categoryId = chosenCategoryId && categories.data && !categories.data.some((c) => c.id === chosenCategoryId) ? "" : chosenCategoryId;
  // A top category shows its sub-categories' articles too; the server filters by one category, so those are picked here.
  const subcategories = categoryId ? (categories.data ?? []).filter((c) => c.parentId === categoryId).map((c) => c.id) : [];
  const articles = useQuery({
    ...trpc.kb.articles.queryOptions({
      desk,
      status: status === "all" ? null : status,
      categoryId: categoryId && subcategories.length === 0 ? categoryId : null,
      query: query || null,
    }),
    placeholderData: keepPreviousData,
    select: subcategories.length > 0 ? (rows: KbArticleRow[]) => rows.filter((a) => a.categoryId === categoryId || subcategories.includes(a.categoryId ?? "")) : undefined,
  });
  const filtered = status !== "all" || categoryId !== "" || query !== "";
  // With nothing written yet the empty state says what to do; filters and a second button would only repeat it.
  const nothingYet = articles.data?.length === 0 && !filtered && search === "" && !articles.isPlaceholderData;
  const clearFilters = () => {
    setStatus("all");
    setCategoryId("");
    setSearch("");
  };

  const newArticle = canEdit ? (
    <Link href={`/d/${desk}/kb/new`} className={buttonClassName()}>
      {t("newArticle")}
    </Link>
  ) : null;

  const content = (
    <QueryState
      query={articles}
      loading={
        <ListSkeleton
          rows={5}
          label={t("loading")}
          className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4"
          row={() => (
            <div className="flex items-center gap-4">
              <Skeleton className="h-4 flex-1" />
              <Skeleton className="h-4 w-20" />
              <Skeleton className="h-4 w-16" />
              <Skeleton className="hidden h-4 w-24 sm:block" />
            </div>
          )}
        />
      }
      errorMessage={t("loadFailed")}
      isEmpty={(rows) => rows.length === 0}
      empty={
        filtered ? (
          <EmptyState
            title={t("noMatchTitle")}
            description={t("noMatchDescription")}
            action={
              <Button type="button" variant="secondary" onClick={clearFilters}>
                {t("clearFilters")}
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<ArticlesIcon />}
            title={t("emptyTitle")}
            description={canEdit ? t("emptyDescription") : t("emptyDescriptionReader")}
            action={newArticle}
          />
        )
      }
    >
      {(rows) => <ArticleTable desk={desk} canEdit={canEdit} rows={rows} categories={categories.data ?? []} timeZone={timeZone} busy={articles.isPlaceholderData} />}
    </QueryState>
  );

  return (
    <div className="grid grid-cols-1 items-start gap-6 2xl:grid-cols-[minmax(0,1fr)_18rem]">
      {/* First in reading order: above the list on most screens, beside it on wide ones. */}
      <CategoryPanel desk={desk} canEdit={canEdit} categories={categories} selected={categoryId} onSelect={setCategoryId} className="2xl:col-start-2 2xl:row-start-1" />
      <section aria-labelledby={`${ids}-articles`} className="flex min-w-0 flex-col gap-4 2xl:col-start-1 2xl:row-start-1">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id={`${ids}-articles`} className="text-lg font-semibold text-slate-900">
            {t("title")}
            {articles.data && !articles.isPlaceholderData && !nothingYet ? <span className="ml-2 text-sm font-normal text-slate-500">{t("count", { count: articles.data.length })}</span> : null}
          </h2>
          {nothingYet ? null : newArticle}
        </div>
        <div hidden={nothingYet} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3 lg:flex-row lg:items-center">
          <SegmentedChoice label={t("statusFilter")} values={statusFilters} value={status} onChange={setStatus} labelOf={(value) => t(`status.${value}`)} className="shrink-0" />
          <div className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row">
            <label htmlFor={`${ids}-category`} className="sr-only">
              {t("categoryFilter")}
            </label>
            <NativeSelect id={`${ids}-category`} wrapperClassName="sm:w-56" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              <option value="">{t("allCategories")}</option>
              {(categories.data ?? []).map((category) => (
                <option key={category.id} value={category.id}>
                  {categoryLabel(category, categories.data ?? [])}
                </option>
              ))}
            </NativeSelect>
            <label htmlFor={`${ids}-search`} className="sr-only">
              {t("search")}
            </label>
            <Input id={`${ids}-search`} type="search" maxLength={200} placeholder={t("searchPlaceholder")} value={search} onChange={(e) => setSearch(e.target.value)} className="flex-1" />
          </div>
        </div>
        <div aria-live="polite" className="sr-only">
          {articles.data && !articles.isPlaceholderData && filtered ? t("count", { count: articles.data.length }) : ""}
        </div>
        {content}
      </section>
    </div>
  );
}

function ArticleTable({
  desk,
  canEdit,
  rows,
  categories,
  timeZone,
  busy,
}: {
  desk: string;
  canEdit: boolean;
  rows: KbArticleRow[];
  categories: KbCategory[];
  timeZone: string;
  busy: boolean;
}) {
  const t = useTranslations("kb.list");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const number = (value: number) => format.number(value);
  const thisYear = new Date().getFullYear();
  // "Mar 3" this year, "Mar 3, 2025" before: the column stays narrow.
  const day = (date: Date) =>
    format.dateTime(date, date.getFullYear() === thisYear ? { month: "short", day: "numeric", timeZone } : { dateStyle: "medium", timeZone });
  const columns: { label: string; numeric?: boolean }[] = [
    { label: t("columns.title") },
    { label: t("columns.category") },
    { label: t("columns.status") },
    { label: t("columns.views"), numeric: true },
    { label: t("columns.helpful"), numeric: true },
    { label: t("columns.deflections"), numeric: true },
    { label: t("columns.comments"), numeric: true },
    { label: t("columns.updated") },
  ];
  return (
    <Table aria-label={t("tableLabel")} aria-busy={busy || undefined} className={cn(busy && "opacity-60")}>
      <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={cn("px-3 py-3 first:pl-4 last:pr-4", column.numeric && "text-right")}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <TableBody>
        {rows.map((article) => {
          const category = categories.find((c) => c.id === article.categoryId);
          const percent = helpfulPercent(article.helpful, article.votes);
          return (
            <tr key={article.id} className="hover:bg-slate-50/60" data-testid="kb-article-row">
              <Cell className="min-w-52 pr-3">
                <div className="flex flex-col gap-1">
                  <Link href={`/d/${desk}/kb/${article.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {article.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <Badge variant="neutral" title={tCommon(`languages.${article.language}`)}>
                      <span aria-hidden="true">{article.language.toUpperCase()}</span>
                      <span className={hiddenInTable}>{tCommon(`languages.${article.language}`)}</span>
                    </Badge>
                    {article.featured ? <Badge variant="brand">{t("featured")}</Badge> : null}
                  </div>
                </div>
              </Cell>
              <Cell className="max-w-48 px-3">
                {category ? <span className="block truncate">{categoryLabel(category, categories)}</span> : <span className="text-slate-400">{t("uncategorised")}</span>}
              </Cell>
              <Cell className="px-3">
                <Badge variant={article.status === "published" ? "success" : "neutral"} dot>
                  {t(`articleStatus.${article.status}`)}
                </Badge>
              </Cell>
              <Cell className="px-3 text-right tabular-nums">{number(article.views30)}</Cell>
              <Cell className="px-3 text-right whitespace-nowrap tabular-nums">
                {percent === null ? (
                  <span className="text-slate-400" title={t("noVotes")}>
                    <span aria-hidden="true">—</span>
                    <span className={hiddenInTable}>{t("noVotes")}</span>
                  </span>
                ) : (
                  <span title={t("votes", { helpful: article.helpful, votes: article.votes })}>
                    {t("percent", { value: percent })}
                    <span className="block text-xs text-slate-400">{t("votesShort", { votes: article.votes })}</span>
                  </span>
                )}
              </Cell>
              <Cell className="px-3 text-right tabular-nums">{number(article.deflections)}</Cell>
              <Cell className="px-3 text-right tabular-nums">
                {article.pendingComments > 0 ? (
                  canEdit ? (
                    <Link href={`/d/${desk}/kb/comments`} className="rounded-sm font-medium text-amber-800 underline-offset-2 hover:underline">
                      {t("pendingComments", { count: article.pendingComments })}
                    </Link>
                  ) : (
                    <span className="text-amber-800">{t("pendingComments", { count: article.pendingComments })}</span>
                  )
                ) : (
                  <span className="text-slate-400">0</span>
                )}
              </Cell>
              <Cell className="pl-3 whitespace-nowrap">
                <time dateTime={article.updatedAt.toISOString()} title={format.dateTime(article.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}>
                  {day(article.updatedAt)}
                </time>
              </Cell>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
