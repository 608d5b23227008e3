import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArticleEditor } from "@/components/kb/article-editor";
import { loadKb } from "../_data/kb";
import { Forbidden } from "@/components/panel/forbidden";

export async function generateMetadata(): Promise<Metadata> {
  const [tPage, t] = await Promise.all([getTranslations("kb.page"), getTranslations("kb.editor")]);
  return { title: `${t("newTitle")} · ${tPage("title")}` };
}

/** A new article, saved as a draft or published at once (owners, admins and knowledge-base editors). */
export default async function NewArticlePage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, canEdit, membershipId, role, me, publicBase } = await loadKb(slug, `/d/${slug}/kb/new`);
  if (!canEdit) return <Forbidden />;
  const t = await getTranslations("kb.page");
  return (
    <div className="mx-auto max-w-7xl">
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={`/d/${slug}/kb`} className="text-slate-500 hover:text-slate-900 hover:underline">
          {t("title")}
        </Link>
      </nav>
      <ArticleEditor
        desk={slug}
        publicBase={publicBase}
        timeZone={desk.timeZone}
        canEdit
        viewer={{ membershipId, name: me.name, role }}
        defaultLanguage={desk.locale}
        initial={null}
      />
    </div>
  );
}
