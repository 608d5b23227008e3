import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { loadHelpDesk } from "../../_data/help-desk";
import { portalTranslator } from "@/components/portal/i18n";
import { LocalTime } from "@/components/portal/local-time";
import { KbArticleList } from "@/components/portal/kb-article-list";
import { KbBreadcrumb } from "@/components/portal/kb-breadcrumb";
import { KbContact } from "@/components/portal/kb-contact";
import { absoluteUrl, loadKbCategory, slugFromPath } from "../../_data/kb";
import { DocumentIcon, KbCategoryIcon } from "@/components/portal/kb-icons";
import { categoryPath } from "@/components/portal/kb-paths";

type Props = { params: Promise<{ desk: string; slug: string }> };

async function load(params: Props["params"]) {
  const { desk: deskSlug, slug: raw } = await params;
  const desk = await loadHelpDesk(deskSlug);
  const slug = slugFromPath(raw);
  if (!desk || !slug) notFound();
  const page = await loadKbCategory(desk.slug, slug);
  if (!page) notFound();
  return { desk, page, t: await portalTranslator(desk.locale) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { desk, page, t } = await load(params);
  const title = t("meta.categoryTitle", { category: page.category.name, desk: desk.displayName });
  const description = page.category.description || t("meta.categoryDescription", { category: page.category.name, desk: desk.displayName });
  const url = absoluteUrl(categoryPath(desk.slug, page.category.slug));
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", title, description, url, siteName: desk.displayName, locale: desk.locale === "ru" ? "ru_RU" : "en_US" },
  };
}

/** A topic of the knowledge base: where it sits, its sub-topics and its articles. */
export default async function CategoryPage({ params }: Props) {
  const { desk, page, t } = await load(params);
  const { category, parent, children, articles } = page;
  const trail = parent ? [{ label: parent.name, href: categoryPath(desk.slug, parent.slug) }] : [];
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
      <KbBreadcrumb desk={desk.slug} trail={trail} current={category.name} t={t} />
      <header className="mt-6 flex items-start gap-4">
        <KbCategoryIcon icon={category.icon} className="size-14 [&_svg]:size-7" />
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl">{category.name}</h1>
          {category.description ? <p className="mt-2 max-w-2xl text-base text-pretty text-slate-600">{category.description}</p> : null}
        </div>
      </header>

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="flex flex-col gap-8">
          {children.length > 0 ? (
            <section aria-labelledby="sub-topics">
              <h2 id="sub-topics" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
                {t("category.topics")}
              </h2>
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {children.map((child) => (
                  <li key={child.id}>
                    <Link
                      href={categoryPath(desk.slug, child.slug)}
                      className="group flex h-full items-start gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs transition hover:border-brand-500 hover:shadow-md"
                    >
                      <KbCategoryIcon icon={child.icon} className="size-9 rounded-lg [&_svg]:size-5" />
                      <span className="min-w-0 flex-1">
                        <span className="block font-medium break-words text-slate-900 group-hover:text-brand-700">{child.name}</span>
                        {child.description ? <span className="mt-0.5 line-clamp-2 block text-sm text-slate-600">{child.description}</span> : null}
                        {child.articles > 0 ? <span className="mt-1 block text-xs text-slate-500">{t("home.kb.articles", { count: child.articles })}</span> : null}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="category-articles">
            <h2 id="category-articles" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
              {t("category.articles")}
            </h2>
            {articles.length === 0 ? (
              <EmptyState
                className="mt-3"
                icon={<DocumentIcon />}
                title={t("category.emptyTitle")}
                description={children.length > 0 ? t("category.emptyWithTopics") : t("category.emptyDescription")}
              />
            ) : (
              <KbArticleList
                className="mt-3"
                desk={desk.slug}
                label={t("category.articlesIn", { category: category.name })}
                articles={articles}
                detail={(article) => (
                  <>
                    {t("article.updated")} <LocalTime at={article.updatedAt} withTime={false} />
                  </>
                )}
              />
            )}
          </section>
        </div>
        <KbContact desk={desk.slug} t={t} />
      </div>
    </div>
  );
}
