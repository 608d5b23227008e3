import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { HelpDesk } from "./help-desk";
import type { PortalTranslate } from "./i18n";
import { ArrowRightIcon, BookIcon, InboxIcon, PencilIcon, SearchIcon } from "./icons";

/** A topic of the knowledge base, as the help center will list them once articles exist. */
export type KnowledgeBaseCategory = { slug: string; name: string; description: string; articleCount: number };

/** The top of the help center: the question and the search box (a plain GET form, works without script). */
export function HelpHero({ desk, t, query }: { desk: HelpDesk; t: PortalTranslate; query: string }) {
  return (
    <section aria-labelledby="help-title" className="relative overflow-hidden border-b border-slate-200 bg-white">
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
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3.5 -translate-y-1/2 text-slate-400" />
            <input
              id="help-search"
              name="q"
              type="search"
              defaultValue={query}
              maxLength={200}
              placeholder={t("home.searchPlaceholder")}
              className="h-12 w-full rounded-xl border border-slate-300 bg-white pr-3 pl-11 text-base text-slate-900 shadow-sm transition-colors placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500"
            />
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
export function HelpActions({ desk, t }: { desk: HelpDesk; t: PortalTranslate }) {
  const cards = [
    { href: `/help/${desk.slug}/submit`, icon: <PencilIcon />, key: "submitCard" },
    { href: `/help/${desk.slug}/check`, icon: <InboxIcon />, key: "checkCard" },
  ];
  return (
    <section aria-label={t("home.actionsLabel")} className="mx-auto grid max-w-5xl gap-4 px-4 pt-10 sm:grid-cols-2 sm:px-6">
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
    </section>
  );
}

/** What a search finds. The knowledge base has no articles yet, so it says so and offers a request. */
export function SearchResults({ desk, t, query }: { desk: HelpDesk; t: PortalTranslate; query: string }) {
  return (
    <section aria-labelledby="results-title" className="mx-auto max-w-5xl px-4 pt-10 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-title" className="text-xl font-semibold text-slate-900">
          {t("home.resultsTitle", { query })}
        </h2>
        <Link href={`/help/${desk.slug}`} className="rounded-sm text-sm font-medium text-brand-700 hover:text-brand-600">
          {t("home.clearSearch")}
        </Link>
      </div>
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
    </section>
  );
}

/** The knowledge base: topics in a grid once they exist; until then an honest empty state. */
export function KnowledgeBase({ desk, t, categories }: { desk: HelpDesk; t: PortalTranslate; categories: KnowledgeBaseCategory[] }) {
  return (
    <section aria-labelledby="kb-title" className="mx-auto max-w-5xl px-4 pt-12 pb-16 sm:px-6">
      <h2 id="kb-title" className="text-xl font-semibold text-slate-900">
        {t("home.kb.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("home.kb.subtitle", { desk: desk.displayName })}</p>
      {categories.length === 0 ? (
        <EmptyState className="mt-5" icon={<BookIcon />} title={t("home.kb.emptyTitle")} description={t("home.kb.emptyDescription")} />
      ) : (
        <ul className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {categories.map((category) => (
            <li key={category.slug} className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
              <h3 className="font-semibold text-slate-900">{category.name}</h3>
              {category.description ? <p className="mt-1 text-sm text-slate-600">{category.description}</p> : null}
              <p className="mt-3 text-xs text-slate-500">{t("home.kb.articles", { count: category.articleCount })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
