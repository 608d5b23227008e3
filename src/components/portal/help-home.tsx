import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { helpCenterHome, searchArticles } from "@/server/kb/public";
import type { HelpDesk } from "../../app/help/[desk]/_data/help-desk";
import type { PortalTranslate } from "./i18n";
import { ArrowRightIcon, BookIcon, InboxIcon, PencilIcon, SearchIcon } from "./icons";
import { KbArticleList } from "./kb-article-list";
import { KbCategoryIcon, SparkIcon, TrendIcon } from "./kb-icons";
import { articlePath, categoryPath } from "./kb-paths";
import { KbSearchBox } from "./kb-search-box";
import { KbSnippet } from "./kb-snippet";

export type KbHome = Awaited<ReturnType<typeof helpCenterHome>>;
export type KbSearchResult = Awaited<ReturnType<typeof searchArticles>>[number];

/**
 * The top of the help center: the question and the search box — a plain GET form that works
 * without script; with script the box suggests articles as the visitor types.
 */
export function HelpHero({ desk, t, query }: { desk: HelpDesk; t: PortalTranslate; query: string }) {
  return (
    <section aria-labelledby="help-title" className="relative border-b border-slate-200 bg-white">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-full bg-[radial-gradient(ellipse_at_top,var(--color-brand-100),transparent_70%)]"
      />
      <div className="relative mx-auto max-w-3xl px-4 pt-14 pb-16 text-center sm:px-6 sm:pt-20 sm:pb-20">
        <p className="text-sm font-semibold text-brand-700">{t("home.eyebrow", { desk: desk.displayName })}</p>
        <h1 id="help-title" className="mt-2 text-3xl font-semibold tracking-tight text-balance text-slate-900 sm:text-4xl">
          {t("home.title")}
        </h1>
        <p className="mx-auto mt-4 max-w-xl text-base text-pretty text-slate-600 sm:text-lg">{t("home.subtitle")}</p>
        <form role="search" action={`/help/${desk.slug}`} method="get" className="mx-auto mt-8 flex max-w-xl gap-2">
          <label htmlFor="help-search" className="sr-only">
            {t("home.searchLabel")}
          </label>
          <div className="relative min-w-0 flex-1">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3.5 z-10 -translate-y-1/2 text-slate-400" />
            <KbSearchBox desk={desk.slug} id="help-search" defaultValue={query} placeholder={t("home.searchPlaceholder")} />
          </div>
          <button type="submit" className={buttonClassName({ size: "lg", className: "h-12 rounded-xl" })}>
            {t("home.search")}
          </button>
        </form>
      </div>
    </section>
  );
}

/** The two ways to reach the team: a new request, or the ones already sent. */
export function HelpActions({ desk, t, titled = false }: { desk: HelpDesk; t: PortalTranslate; titled?: boolean }) {
  const cards = [
    { href: `/help/${desk.slug}/submit`, icon: <PencilIcon />, key: "submitCard" },
    { href: `/help/${desk.slug}/check`, icon: <InboxIcon />, key: "checkCard" },
  ];
  return (
    <section aria-labelledby={titled ? "actions-title" : undefined} aria-label={titled ? undefined : t("home.actionsLabel")} className="mx-auto max-w-5xl px-4 pt-10 sm:px-6">
      {titled ? (
        <h2 id="actions-title" className="mb-4 text-xl font-semibold text-slate-900">
          {t("home.actionsTitle")}
        </h2>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {cards.map((card) => (
          <Link
            key={card.key}
            href={card.href}
            className="group flex items-start gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-xs transition hover:-translate-y-0.5 hover:border-brand-500 hover:shadow-md motion-reduce:transition-none motion-reduce:hover:translate-y-0"
          >
            <span aria-hidden="true" className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-700">
              {card.icon}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block text-lg font-semibold text-slate-900">{t(`home.${card.key}.title`)}</span>
              <span className="mt-1 block text-sm leading-relaxed text-slate-600">{t(`home.${card.key}.description`)}</span>
              <span className="mt-3 inline-flex items-center gap-1.5 text-sm font-medium text-brand-700">
                {t(`home.${card.key}.cta`)}
                <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5 motion-reduce:transition-none" />
              </span>
            </span>
          </Link>
        ))}
      </div>
    </section>
  );
}

/** What a search finds: each article with the matched words marked in a snippet. */
export function SearchResults({ desk, t, query, results }: { desk: HelpDesk; t: PortalTranslate; query: string; results: KbSearchResult[] }) {
  return (
    <section aria-labelledby="results-title" className="mx-auto max-w-5xl px-4 pt-10 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="results-title" className="text-xl font-semibold break-words text-slate-900">
            {t("home.resultsTitle", { query })}
          </h2>
          {results.length > 0 ? <p className="mt-1 text-sm text-slate-600">{t("home.resultsCount", { count: results.length })}</p> : null}
        </div>
        <Link href={`/help/${desk.slug}`} className="rounded-sm text-sm font-medium text-brand-700 hover:text-brand-600">
          {t("home.clearSearch")}
        </Link>
      </div>
      {results.length === 0 ? (
        <EmptyState
          className="mt-4"
          icon={<SearchIcon />}
          title={t("home.noResults")}
          description={t("home.noResultsHint")}
          action={
            <Link href={`/help/${desk.slug}/submit`} className={buttonClassName({ variant: "secondary" })}>
              {t("frame.submit")}
            </Link>
          }
        />
      ) : (
        <KbArticleList
          className="mt-4"
          desk={desk.slug}
          label={t("home.resultsLabel")}
          articles={results}
          text={(article) => (article.snippet ? <KbSnippet snippet={article.snippet} /> : article.summary)}
        />
      )}
    </section>
  );
}

/**
 * Topics on the home page: the top categories with their sub-categories, articles counted across
 * both. A count shows only when there is one to show; an empty topic still leads to its page,
 * which says so.
 */
function topCategories(categories: KbHome["categories"]) {
  return categories
    .filter((c) => !c.parentId)
    .map((top) => {
      const children = categories.filter((c) => c.parentId === top.id);
      return { ...top, children, total: top.articles + children.reduce((sum, c) => sum + c.articles, 0) };
    });
}

/** The knowledge base: featured articles, topics and the most read this month; an honest empty state before any article. */
export function KnowledgeBase({ desk, t, home }: { desk: HelpDesk; t: PortalTranslate; home: KbHome }) {
  const topics = topCategories(home.categories);
  return (
    <section aria-labelledby="kb-title" className="mx-auto max-w-5xl px-4 pt-12 sm:px-6">
      <h2 id="kb-title" className="text-xl font-semibold text-slate-900">
        {t("home.kb.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("home.kb.subtitle", { desk: desk.displayName })}</p>
      {home.total === 0 ? (
        <EmptyState className="mt-5" icon={<BookIcon />} title={t("home.kb.emptyTitle")} description={t("home.kb.emptyDescription")} />
      ) : (
        <div className="mt-6 flex flex-col gap-10">
          {home.featured.length > 0 ? (
            <section aria-labelledby="kb-featured">
              <h3 id="kb-featured" className="flex items-center gap-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
                <SparkIcon className="size-4 text-brand-600" />
                {t("home.kb.featured")}
              </h3>
              <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {home.featured.map((article) => (
                  <li key={article.id} className="flex">
                    <Link
                      href={articlePath(desk.slug, article.slug)}
                      prefetch={false}
                      className="group flex w-full flex-col rounded-2xl border border-slate-200 bg-white p-5 shadow-xs transition hover:-translate-y-0.5 hover:border-brand-500 hover:shadow-md motion-reduce:transition-none motion-reduce:hover:translate-y-0"
                    >
                      <span className="font-semibold break-words text-slate-900 group-hover:text-brand-700">{article.title}</span>
                      {article.summary ? <span className="mt-1.5 line-clamp-3 text-sm leading-relaxed text-slate-600">{article.summary}</span> : null}
                      <span className="mt-auto inline-flex items-center gap-1.5 pt-3 text-sm font-medium text-brand-700">
                        {t("home.kb.read")}
                        <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5 motion-reduce:transition-none" />
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <section aria-labelledby="kb-topics">
              <h3 id="kb-topics" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
                {t("home.kb.topics")}
              </h3>
              {topics.length === 0 ? (
                <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">{t("home.kb.noTopics")}</p>
              ) : (
                <ul className="mt-3 grid gap-4 sm:grid-cols-2">
                  {topics.map((category) => (
                    <li key={category.id} className="relative flex gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-xs transition hover:border-brand-500 hover:shadow-md">
                      <KbCategoryIcon icon={category.icon} />
                      <div className="min-w-0 flex-1">
                        <h4 className="font-semibold break-words text-slate-900">
                          {/* The whole card is the link (the stretched ::after); sub-topic links sit above it. */}
                          <Link href={categoryPath(desk.slug, category.slug)} className="after:absolute after:inset-0 after:rounded-2xl hover:text-brand-700 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-500">
                            {category.name}
                          </Link>
                        </h4>
                        {category.description ? <p className="mt-1 line-clamp-3 text-sm leading-relaxed text-slate-600">{category.description}</p> : null}
                        {category.total > 0 ? <p className="mt-2 text-xs font-medium text-slate-500">{t("home.kb.articles", { count: category.total })}</p> : null}
                        {category.children.length > 0 ? (
                          <ul aria-label={t("home.kb.subTopics", { category: category.name })} className="relative z-10 mt-3 flex flex-wrap gap-1.5">
                            {category.children.map((child) => (
                              <li key={child.id}>
                                <Link
                                  href={categoryPath(desk.slug, child.slug)}
                                  className="inline-block rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-brand-50 hover:text-brand-700"
                                >
                                  {child.name}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {home.popular.length > 0 ? (
              <section aria-labelledby="kb-popular">
                <h3 id="kb-popular" className="flex items-center gap-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
                  <TrendIcon className="size-4 text-brand-600" />
                  {t("home.kb.popular")}
                </h3>
                <ol className="mt-3 divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-xs">
                  {home.popular.map((article, index) => (
                    <li key={article.id}>
                      <Link
                        href={articlePath(desk.slug, article.slug)}
                        prefetch={false}
                        className="group flex items-baseline gap-3 px-4 py-3 transition-colors hover:bg-slate-50 focus-visible:-outline-offset-2"
                      >
                        <span aria-hidden="true" className="w-4 shrink-0 text-sm font-semibold text-slate-400 tabular-nums">
                          {index + 1}
                        </span>
                        <span className="min-w-0 flex-1 text-sm font-medium break-words text-slate-800 group-hover:text-brand-700">{article.title}</span>
                      </Link>
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}
