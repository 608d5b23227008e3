import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { ArrowRightIcon } from "./icons";
import { DocumentIcon } from "./kb-icons";
import { articlePath } from "./kb-paths";

export type ListedArticle = { id: string; slug: string; title: string; summary: string };

/**
 * Articles as a list of links: title, summary (or a search snippet) and a detail line. Links are
 * not prefetched: rendering an article page counts a view.
 */
export function KbArticleList<T extends ListedArticle>({
  desk,
  articles,
  label,
  text,
  detail,
  className,
}: {
  desk: string;
  articles: T[];
  label: string;
  /** What shows under the title; the summary by default. */
  text?: (article: T) => ReactNode;
  detail?: (article: T) => ReactNode;
  className?: string;
}) {
  return (
    <ul aria-label={label} className={cn("divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-xs", className)}>
      {articles.map((article) => {
        const below = text ? text(article) : article.summary;
        const more = detail?.(article);
        return (
          <li key={article.id}>
            <Link
              href={articlePath(desk, article.slug)}
              prefetch={false}
              className="group flex items-start gap-3 px-4 py-4 transition-colors hover:bg-slate-50 focus-visible:-outline-offset-2 sm:px-5"
            >
              <DocumentIcon className="mt-0.5 shrink-0 text-slate-400 group-hover:text-brand-600" />
              <span className="min-w-0 flex-1">
                <span className="block font-medium break-words text-slate-900 group-hover:text-brand-700">{article.title}</span>
                {below ? <span className="mt-1 line-clamp-2 text-sm leading-relaxed break-words text-slate-600">{below}</span> : null}
                {more ? <span className="mt-1.5 block text-xs text-slate-500">{more}</span> : null}
              </span>
              <ArrowRightIcon className="mt-0.5 hidden size-4 shrink-0 text-slate-400 group-hover:text-brand-600 sm:block" />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
