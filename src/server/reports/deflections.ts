import { sql } from "drizzle-orm";
import { rowsOf } from "../db/rows";
import type { TenantDb } from "../db/types";
import type { ReportScope } from "./scope";

/**
 * Knowledge-base deflections over the range's days: widget readers of an article who did not go on
 * to send a request. Desk-wide (articles belong to no department); management only, so an agent
 * gets null.
 */
export async function kbDeflections(tx: TenantDb, scope: ReportScope) {
  if (scope.agentId) return null;
  const rows = rowsOf<{ articleId: string | null; title: string | null; views: number; widgetViews: number; deflections: number }>(
    await tx.execute(sql`
      select d.article_id as "articleId", a.title,
        sum(d.views)::int as "views", sum(d.widget_views)::int as "widgetViews",
        sum(greatest(d.widget_views - d.widget_submissions, 0))::int as "deflections"
      from kb_article_days d join kb_articles a on a.tenant_id = d.tenant_id and a.id = d.article_id
      where d.day >= ${scope.fromDay}::date and d.day <= ${scope.toDay}::date
      group by grouping sets ((d.article_id, a.title), ())
      order by grouping(d.article_id) desc, 5 desc, 2`),
  );
  const [total, ...articles] = rows;
  return {
    total: { views: total?.views ?? 0, widgetViews: total?.widgetViews ?? 0, deflections: total?.deflections ?? 0 },
    articles: articles.slice(0, 20).map((a) => ({ articleId: a.articleId!, title: a.title ?? "", views: a.views, widgetViews: a.widgetViews, deflections: a.deflections })),
  };
}
