import { cn } from "@/lib/cn";
import styles from "./article-body.module.css";

/**
 * HTML the server has already sanitised (an article by renderArticleMarkdown, a comment by
 * renderCommentMarkdown) with the knowledge base's typography. Never give it anything else.
 */
export function ArticleHtml({ html, compact = false, lang, className }: { html: string; compact?: boolean; lang?: string; className?: string }) {
  return <div lang={lang} className={cn(styles.body, compact && styles.compact, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
