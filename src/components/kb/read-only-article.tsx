"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { ArticleStatusMeta, EditorHeader, SideCard } from "./article-fields";
import { ArticleStats } from "./article-stats";
import { ArticlePreview } from "./markdown-editor";
import { RevisionHistory } from "./revision-history";
import { categoryLabel, type KbArticleDetails } from "./shared";
import { useEditorNames, type EditorViewer } from "./use-editor-names";

/** For members who may read the knowledge base but not write it. */
export function ReadOnlyArticle({ desk, timeZone, viewer, initial }: { desk: string; timeZone: string; viewer: EditorViewer; initial: KbArticleDetails }) {
  const t = useTranslations("kb.editor");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const categories = useQuery(trpc.kb.categories.queryOptions({ desk }));
  const names = useEditorNames(desk, viewer);
  const { article } = initial;
  const published = article.status === "published";
  const category = categories.data?.find((c) => c.id === article.categoryId);
  return (
    <div className="flex flex-col gap-6">
      <EditorHeader
        title={article.title}
        meta={<ArticleStatusMeta status={article.status} version={article.version} />}
      >
        {published ? (
          <a href={initial.url} target="_blank" rel="noopener" className={buttonClassName({ variant: "secondary" })}>
            {t("viewPublic")}
            <span className="sr-only">{t("newTab")}</span>
          </a>
        ) : null}
      </EditorHeader>
      <Alert>{t("readOnly")}</Alert>
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex flex-col gap-3">
          {article.summary ? <p className="text-sm text-slate-600">{article.summary}</p> : null}
          <ArticlePreview desk={desk} body={article.body} published={published} />
        </div>
        <div className="flex flex-col gap-6">
          <SideCard title={t("settings")}>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
              <dt className="text-slate-500">{t("category")}</dt>
              <dd className="text-slate-900">{category ? categoryLabel(category, categories.data ?? []) : t("noCategory")}</dd>
              <dt className="text-slate-500">{t("language")}</dt>
              <dd className="text-slate-900">{tCommon(`languages.${article.language}`)}</dd>
              <dt className="text-slate-500">{t("featured")}</dt>
              <dd className="text-slate-900">{article.featured ? t("yes") : t("no")}</dd>
            </dl>
            {initial.related.length > 0 ? (
              <>
                <h3 className="mt-4 text-sm font-medium text-slate-800">{t("related.label")}</h3>
                <ul className="mt-1 flex flex-col gap-1 text-sm">
                  {initial.related.map((r) => (
                    <li key={r.id}>
                      <Link href={`/d/${desk}/kb/${r.id}`} className="text-brand-700 hover:underline">
                        {r.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </SideCard>
          <SideCard title={t("statistics")}>
            <ArticleStats stats={initial.stats} />
          </SideCard>
          <SideCard title={t("historyTitle")}>
            <RevisionHistory
              desk={desk}
              articleId={article.id}
              revisions={initial.revisions}
              currentVersion={article.version}
              published={published}
              canEdit={false}
              dirty={false}
              timeZone={timeZone}
              names={names}
              onRestored={async () => undefined}
            />
          </SideCard>
        </div>
      </div>
    </div>
  );
}
