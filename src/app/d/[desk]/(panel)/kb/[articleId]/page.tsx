import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ArticleEditor, type ArrivalNotice } from "@/components/kb/article-editor";
import { loadKb } from "../_data/kb";

type Params = Promise<{ desk: string; articleId: string }>;

/** The article for the editor; an unknown one (or another desk's) is the 404 page. */
const loadArticle = cache(async (slug: string, articleId: string) => {
  const kb = await loadKb(slug, `/d/${slug}/kb/${articleId}`);
  try {
    return { ...kb, details: await kb.api.kb.article({ desk: slug, id: articleId }) };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { desk, articleId } = await params;
  const [{ details }, t] = await Promise.all([loadArticle(desk, articleId), getTranslations("kb.page")]);
  return { title: `${details.article.title} · ${t("title")}` };
}

export default async function ArticlePage({ params, searchParams }: { params: Params; searchParams: Promise<{ saved?: string | string[] }> }) {
  const { desk: slug, articleId } = await params;
  const { saved } = await searchParams;
  const [{ desk, canEdit, membershipId, role, me, publicBase, details }, t] = await Promise.all([loadArticle(slug, articleId), getTranslations("kb.page")]);
  const arrival: ArrivalNotice = saved === "created" || saved === "published" ? saved : null;
  return (
    <div className="mx-auto max-w-7xl">
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={`/d/${slug}/kb`} className="text-slate-500 hover:text-slate-900 hover:underline">
          {t("title")}
        </Link>
      </nav>
      <ArticleEditor
        key={details.article.id}
        desk={slug}
        publicBase={publicBase}
        timeZone={desk.timeZone}
        canEdit={canEdit}
        viewer={{ membershipId, name: me.name, role }}
        defaultLanguage={details.article.language}
        initial={details}
        arrival={arrival}
      />
    </div>
  );
}
