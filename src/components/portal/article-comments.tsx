import type { KbArticle } from "../../app/help/[desk]/_data/kb";
import type { PortalTranslate } from "./i18n";
import { ArticleHtml } from "./article-body";
import { ArticleCommentForm } from "./article-comment-form";
import { LocalTime } from "./local-time";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/**
 * Approved comments, oldest first, each with the team's reply under it, then the form for a new
 * one. Comment and reply HTML was sanitised on the server (renderCommentMarkdown).
 */
export function ArticleComments({ desk, deskName, article, t }: { desk: string; deskName: string; article: KbArticle; t: PortalTranslate }) {
  const { comments } = article;
  return (
    <section aria-labelledby="comments-title" className="flex flex-col gap-5">
      <h2 id="comments-title" className="text-xl font-semibold text-slate-900">
        {t("comments.title")} <span className="font-normal text-slate-400 tabular-nums">{comments.length > 0 ? comments.length : null}</span>
      </h2>
      {comments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("comments.empty")}</p>
      ) : (
        <ol className="flex flex-col gap-4">
          {comments.map((comment) => (
            <li key={comment.id}>
              <article aria-label={t("comments.by", { name: comment.authorName })} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs">
                <header className="flex items-center gap-3">
                  <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-600">
                    {initials(comment.authorName)}
                  </span>
                  <div className="min-w-0">
                    <p className="truncate text-sm font-semibold text-slate-900">{comment.authorName}</p>
                    <p className="text-xs text-slate-500">
                      <LocalTime at={comment.createdAt} withTime={false} />
                    </p>
                  </div>
                </header>
                <ArticleHtml html={comment.html} compact className="mt-3" />
                {comment.replyHtml ? (
                  <div className="mt-4 rounded-xl border-l-4 border-brand-500 bg-brand-50 px-4 py-3">
                    <p className="text-xs font-semibold text-brand-700">{t("comments.teamReply", { desk: deskName })}</p>
                    <ArticleHtml html={comment.replyHtml} compact className="mt-1" />
                  </div>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      <ArticleCommentForm desk={desk} articleId={article.id} />
    </section>
  );
}
