import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { HIT_END, HIT_START } from "@/lib/snippet";
import { renderArticleMarkdown, renderCommentMarkdown, markdownToText } from "@/lib/markdown";
import { rowsOf } from "../db/rows";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import { stopListMatch } from "../stoplist/service";
import { articleUrl } from "./articles";
import { listCategories } from "./categories";
import { kbArticleDays, kbArticles, kbCategories, kbComments, kbVotes } from "./schema";
import { getDesk } from "../kernel/desk";

const published = eq(kbArticles.status, "published");

/**
 * The text-search query for what a visitor typed, stemmed in English and in Russian (a desk's
 * articles in either language are found), the last word also as a prefix when it has 3
 * characters or more (suggestions while typing). One or two words must all match; a longer
 * question ("cannot reset my password") matches any of its words, and ranking puts the articles
 * with more of them (in the title above all) first. Null when nothing searchable is left.
 */
export function articleQuery(typed: string, prefix = true): SQL | null {
  const words = (typed.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  if (!words.length) return null;
  const terms = words.map((word, i) => (prefix && i === words.length - 1 && word.length >= 3 ? `${word}:*` : word)).join(words.length <= 2 ? " & " : " | ");
  return sql`(to_tsquery('english', ${terms}) || to_tsquery('russian', ${terms}))`;
}

/** Articles matching a search, best first (title matches above summary above body), with highlighted snippets. */
export async function searchArticles(tx: TenantDb, typed: string, options: { limit?: number; prefix?: boolean } = {}) {
  const query = articleQuery(typed, options.prefix ?? true);
  if (!query) return [];
  const desk = await getDesk(tx);
  const limit = options.limit ?? 20;
  // The desk-scoped search function (migration 0007) picks and ranks the page; snippets only for it.
  const rows = rowsOf<{ id: string; title: string; slug: string; summary: string; snippet: string }>(
    await tx.execute(sql`
      with q as (select ${query} as query),
      hits as (select s.article_id, s.score from q, deskhand_kb_search(q.query, ${limit}) s)
      select a.id, a.title, a.slug, a.summary,
        ts_headline(a.search_config, regexp_replace(a.body, '[#*_>~|\`\\[\\]()!]+', ' ', 'g'), q.query,
          ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=28, MinWords=10, MaxFragments=1`}) as snippet
      from hits h join kb_articles a on a.id = h.article_id, q
      order by h.score desc, a.published_at desc nulls last`),
  );
  return rows.map((r) => ({ id: r.id, title: r.title, slug: r.slug, summary: r.summary, snippet: r.snippet, url: articleUrl(desk.slug, r.slug) }));
}

/** The help center's home: featured articles, the most read over 30 days, and the categories. */
export async function helpCenterHome(tx: TenantDb) {
  const desk = await getDesk(tx);
  const card = { id: kbArticles.id, title: kbArticles.title, slug: kbArticles.slug, summary: kbArticles.summary };
  const [featured, popular, categories] = await Promise.all([
    tx.select(card).from(kbArticles).where(and(published, eq(kbArticles.featured, true))).orderBy(desc(kbArticles.publishedAt)).limit(6),
    tx
      .select({ ...card, views: sql<number>`sum(${kbArticleDays.views})::int` })
      .from(kbArticleDays)
      .innerJoin(kbArticles, eq(kbArticles.id, kbArticleDays.articleId))
      .where(and(published, sql`${kbArticleDays.day} >= current_date - 29`))
      .groupBy(kbArticles.id, kbArticles.title, kbArticles.slug, kbArticles.summary)
      .orderBy(sql`sum(${kbArticleDays.views}) desc`)
      .limit(6),
    listCategories(tx, { publishedOnly: true }),
  ]);
  const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(kbArticles).where(published)) as [{ total: number }];
  const withUrl = <T extends { slug: string }>(list: T[]) => list.map((a) => ({ ...a, url: articleUrl(desk.slug, a.slug) }));
  return { featured: withUrl(featured), popular: withUrl(popular), categories, total };
}

/** A category page: the category, its sub-categories, and its published articles. Null when unknown. */
export async function categoryPage(tx: TenantDb, slug: string) {
  const [category] = await tx.select().from(kbCategories).where(eq(kbCategories.slug, slug));
  if (!category) return null;
  const children = (await listCategories(tx, { publishedOnly: true })).filter((c) => c.parentId === category.id);
  const parent = category.parentId ? ((await tx.select().from(kbCategories).where(eq(kbCategories.id, category.parentId)))[0] ?? null) : null;
  const articles = await tx
    .select({ id: kbArticles.id, title: kbArticles.title, slug: kbArticles.slug, summary: kbArticles.summary, updatedAt: kbArticles.updatedAt })
    .from(kbArticles)
    .where(and(published, eq(kbArticles.categoryId, category.id)))
    .orderBy(desc(kbArticles.featured), kbArticles.title);
  return { category, parent, children, articles };
}

const today = sql`current_date`;

async function countView(tx: TenantDb, tenantId: string, articleId: string, fromWidget: boolean) {
  await tx
    .insert(kbArticleDays)
    .values({ tenantId, articleId, day: sql`current_date` as unknown as string, views: 1, widgetViews: fromWidget ? 1 : 0 })
    .onConflictDoUpdate({
      target: [kbArticleDays.tenantId, kbArticleDays.articleId, kbArticleDays.day],
      set: { views: sql`${kbArticleDays.views} + 1`, widgetViews: sql`${kbArticleDays.widgetViews} + ${fromWidget ? 1 : 0}` },
    });
}

/**
 * A published article for the public page (drafts are never found, whatever the slug), rendered
 * and sanitised, with its related articles, approved comments and vote counts. Counts the view.
 */
export async function articlePage(tx: TenantDb, slug: string, options: { countView: boolean; fromWidget?: boolean }) {
  const [article] = await tx.select().from(kbArticles).where(and(published, eq(kbArticles.slug, slug)));
  if (!article) return null;
  const desk = await getDesk(tx);
  if (options.countView) await countView(tx, article.tenantId, article.id, options.fromWidget ?? false);
  const [category, related, comments, [votes]] = await Promise.all([
    article.categoryId ? tx.select({ name: kbCategories.name, slug: kbCategories.slug }).from(kbCategories).where(eq(kbCategories.id, article.categoryId)) : [],
    article.relatedIds.length
      ? tx.select({ title: kbArticles.title, slug: kbArticles.slug }).from(kbArticles).where(and(published, inArray(kbArticles.id, article.relatedIds)))
      : [],
    tx
      .select({ id: kbComments.id, authorName: kbComments.authorName, body: kbComments.body, reply: kbComments.reply, createdAt: kbComments.createdAt })
      .from(kbComments)
      .where(and(eq(kbComments.articleId, article.id), eq(kbComments.status, "approved")))
      .orderBy(kbComments.id),
    tx.select({ helpful: sql<number>`(count(*) filter (where ${kbVotes.helpful}))::int`, total: sql<number>`count(*)::int` }).from(kbVotes).where(eq(kbVotes.articleId, article.id)),
  ]);
  return {
    id: article.id,
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    description: article.summary || markdownToText(article.body).slice(0, 200),
    language: article.language,
    html: renderArticleMarkdown(article.body),
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    url: articleUrl(desk.slug, article.slug),
    category: category[0] ?? null,
    related: related.map((r) => ({ ...r, url: articleUrl(desk.slug, r.slug) })),
    comments: comments.map((c) => ({ ...c, html: renderCommentMarkdown(c.body), replyHtml: c.reply ? renderCommentMarkdown(c.reply) : null })),
    votes: votes!,
  };
}

async function publishedArticle(tx: TenantDb, articleId: string) {
  const [article] = await tx.select({ id: kbArticles.id, tenantId: kbArticles.tenantId }).from(kbArticles).where(and(published, eq(kbArticles.id, articleId)));
  if (!article) throw new DeskError("NOT_FOUND", "kb.articleNotFound");
  return article;
}

/** "Was this helpful?": one vote per visitor and article; voting again changes it. */
export async function voteOnArticle(tx: TenantDb, input: { articleId: string; visitorKey: string; helpful: boolean; score: number | null }) {
  const article = await publishedArticle(tx, input.articleId);
  await tx
    .insert(kbVotes)
    .values({ tenantId: article.tenantId, articleId: article.id, visitorKey: input.visitorKey, helpful: input.helpful, score: input.score })
    .onConflictDoUpdate({ target: [kbVotes.tenantId, kbVotes.articleId, kbVotes.visitorKey], set: { helpful: input.helpful, score: input.score, updatedAt: new Date() } });
  return { ok: true };
}

/**
 * A visitor's comment: stored pending until staff approve it. A stop-list match or a filled-in
 * honeypot is flagged for the moderators; the visitor gets the same answer either way.
 */
export async function commentOnArticle(tx: TenantDb, input: { articleId: string; name: string; email: string; body: string; website: string }, meta: { ip: string | null }) {
  const article = await publishedArticle(tx, input.articleId);
  const stopped = await stopListMatch(tx, { email: input.email || "@", ip: meta.ip, text: `${input.name}\n${input.body}` });
  await tx.insert(kbComments).values({
    tenantId: article.tenantId,
    articleId: article.id,
    authorName: input.name,
    authorEmail: input.email || null,
    body: input.body,
    flag: input.website.trim() ? "spam" : stopped ? "stop_list" : null,
    ip: meta.ip,
  });
  return { pending: true };
}

/** The widget sent a request after the visitor read these articles: they did not deflect it. */
export async function countWidgetSubmission(tx: TenantDb, tenantId: string, articleIds: string[]) {
  const ids = [...new Set(articleIds)].slice(0, 10);
  if (!ids.length) return;
  const found = await tx.select({ id: kbArticles.id }).from(kbArticles).where(inArray(kbArticles.id, ids));
  for (const { id } of found) {
    await tx
      .insert(kbArticleDays)
      .values({ tenantId, articleId: id, day: today as unknown as string, widgetSubmissions: 1 })
      .onConflictDoUpdate({ target: [kbArticleDays.tenantId, kbArticleDays.articleId, kbArticleDays.day], set: { widgetSubmissions: sql`${kbArticleDays.widgetSubmissions} + 1` } });
  }
}

/** Every published article and category, for the desk's sitemap.xml. */
export async function sitemapEntries(tx: TenantDb) {
  const [articles, categories] = await Promise.all([
    tx.select({ slug: kbArticles.slug, updatedAt: kbArticles.updatedAt }).from(kbArticles).where(published).orderBy(desc(kbArticles.updatedAt)).limit(50_000),
    tx.select({ slug: kbCategories.slug }).from(kbCategories),
  ]);
  return { articles, categories };
}
