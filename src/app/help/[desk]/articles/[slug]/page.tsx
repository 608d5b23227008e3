import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleHtml } from "@/components/portal/article-body";
import { ArticleComments } from "@/components/portal/article-comments";
import { ArticleFeedback } from "@/components/portal/article-feedback";
import { loadHelpDesk } from "../../_data/help-desk";
import { portalTranslator } from "@/components/portal/i18n";
import { LocalTime } from "@/components/portal/local-time";
import { KbBreadcrumb } from "@/components/portal/kb-breadcrumb";
import { KbContact } from "@/components/portal/kb-contact";
import { loadKbArticle, loadKbArticleMeta, slugFromPath } from "../../_data/kb";
import { DocumentIcon } from "@/components/portal/kb-icons";
import { articlePath, categoryPath } from "@/components/portal/kb-paths";

type Props = { params: Promise<{ desk: string; slug: string }>; searchParams: Promise<{ from?: string | string[] }> };

async function deskAndSlug(params: Props["params"]) {
  const { desk: deskSlug, slug: raw } = await params;
  const desk = await loadHelpDesk(deskSlug);
  const slug = slugFromPath(raw);
  if (!desk || !slug) notFound();
  return { desk, slug };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { desk, slug } = await deskAndSlug(params);
  // Metadata never counts a view: only the page's own render does.
  const [article, t] = await Promise.all([loadKbArticleMeta(desk.slug, slug), portalTranslator(desk.locale)]);
  // The page itself answers not-found (inside the desk's frame, with the article's own message).
  if (!article) return { robots: { index: false } };
  const title = t("meta.articleTitle", { title: article.title, desk: desk.displayName });
  return {
    title: { absolute: title },
    description: article.description,
    alternates: { canonical: article.url },
    openGraph: {
      type: "article",
      title: article.title,
      description: article.description,
      url: article.url,
      siteName: desk.displayName,
      locale: article.language === "ru" ? "ru_RU" : "en_US",
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.category?.name,
    },
    twitter: { card: "summary", title: article.title, description: article.description },
  };
}

/** A published article: the text, whether it helped, related articles and the visitors' comments. */
export default async function ArticlePage({ params, searchParams }: Props) {
  const { desk, slug } = await deskAndSlug(params);
  const from = (await searchParams).from;
  const [found, t] = await Promise.all([
    loadKbArticle(desk.slug, slug, { countView: true, fromWidget: (Array.isArray(from) ? from[0] : from) === "widget" }),
    portalTranslator(desk.locale),
  ]);
  if (!found) notFound();
  const { article, trail } = found;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
      <KbBreadcrumb desk={desk.slug} trail={trail.map((c) => ({ label: c.name, href: categoryPath(desk.slug, c.slug) }))} current={article.title} t={t} />
      <div className="mt-6 grid gap-x-12 gap-y-10 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <article aria-labelledby="article-title" className="rounded-2xl border border-slate-200 bg-white px-5 py-7 shadow-xs sm:px-10 sm:py-10">
            <header className="border-b border-slate-100 pb-6">
              <h1 id="article-title" lang={article.language} className="text-2xl font-semibold tracking-tight text-balance break-words text-slate-900 sm:text-3xl">
                {article.title}
              </h1>
              {article.summary ? <p lang={article.language} className="mt-3 text-lg text-pretty text-slate-600">{article.summary}</p> : null}
              <p className="mt-4 text-sm text-slate-500">
                {t("article.updated")} <LocalTime at={article.updatedAt} withTime={false} />
              </p>
            </header>
            <ArticleHtml html={article.html} lang={article.language} className="mt-6" />
          </article>
          <ArticleFeedback
            desk={desk.slug}
            articleId={article.id}
            stats={article.votes.total > 0 ? t("feedback.stats", { helpful: article.votes.helpful, total: article.votes.total }) : null}
          />
        </div>

        <aside aria-label={t("article.asideLabel")} className="flex flex-col gap-6 lg:row-span-2">
          {article.related.length > 0 ? (
            <section aria-labelledby="related-title">
              <h2 id="related-title" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
                {t("article.related")}
              </h2>
              <ul className="mt-3 flex flex-col gap-1">
                {article.related.map((related) => (
                  <li key={related.slug}>
                    <Link
                      href={articlePath(desk.slug, related.slug)}
                      prefetch={false}
                      className="group -mx-2 flex items-start gap-2 rounded-lg px-2 py-2 text-sm font-medium text-slate-700 hover:bg-white hover:text-brand-700"
                    >
                      <DocumentIcon className="mt-px size-4 shrink-0 text-slate-400 group-hover:text-brand-600" />
                      <span className="min-w-0 break-words">{related.title}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <KbContact desk={desk.slug} t={t} />
        </aside>

        <div className="min-w-0 lg:col-start-1">
          <ArticleComments desk={desk.slug} deskName={desk.displayName} article={article} t={t} />
        </div>
      </div>
    </div>
  );
}
