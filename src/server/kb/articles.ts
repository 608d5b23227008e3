import { claimArticleImages, releaseArticleImages } from "../files/service";
import { and, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { baseUrl } from "@/env";
import type { TenantDb } from "../db/types";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { searchConfigFor } from "../tickets/create";
import { assertKbEditor } from "./categories";
import { slugify } from "./inputs";
import { kbArticleDays, kbArticles, kbCategories, kbComments, kbRevisions } from "./schema";
import { recordEvent } from "../kernel/events";
import { getDesk } from "../kernel/desk";
import { type ArticleStatus } from "./values";

export type ArticleFields = {
  title: string;
  slug?: string;
  summary: string;
  body: string;
  categoryId: string | null;
  featured: boolean;
  language: "en" | "ru";
  relatedIds: string[];
};

/** The public address of an article. */
export const articleUrl = (deskSlug: string, articleSlug: string) => `${baseUrl}/help/${deskSlug}/articles/${encodeURIComponent(articleSlug)}`;

async function uniqueArticleSlug(tx: TenantDb, wanted: string, exceptId?: string) {
  for (let i = 1; ; i++) {
    const slug = i === 1 ? wanted : `${wanted}-${i}`;
    const [taken] = await tx.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.slug, slug));
    if (!taken || taken.id === exceptId) return slug;
  }
}

async function checkReferences(tx: TenantDb, input: ArticleFields, selfId?: string) {
  if (input.categoryId) {
    const [category] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.id, input.categoryId));
    if (!category) throw new DeskError("BAD_REQUEST", "kb.categoryNotFound", { fields: { categoryId: "kb.categoryNotFound" } });
  }
  const related = [...new Set(input.relatedIds)].filter((id) => id !== selfId);
  if (related.length) {
    const found = await tx.select({ id: kbArticles.id }).from(kbArticles).where(inArray(kbArticles.id, related));
    if (found.length !== related.length) throw new DeskError("BAD_REQUEST", "kb.articleNotFound", { fields: { relatedIds: "kb.articleNotFound" } });
  }
  return related;
}

/** Images the body shows from the help-center file route: they become the article's (and public with it). */
async function claimImages(tx: TenantDb, actor: Actor, articleId: string, body: string) {
  const ids = [...body.matchAll(/\/help\/[a-z0-9-]+\/files\/([0-9a-f-]{36})/g)].map((m) => m[1]!);
  if (!ids.length) return;
  await claimArticleImages(tx, actor, articleId, ids);
}

async function keepRevision(tx: TenantDb, actor: Actor, article: { id: string; version: number; title: string; summary: string; body: string }) {
  await tx.insert(kbRevisions).values({
    tenantId: actor.tenantId,
    articleId: article.id,
    version: article.version,
    title: article.title,
    summary: article.summary,
    body: article.body,
    editedByMembershipId: actor.membershipId,
  });
}

export async function createArticle(tx: TenantDb, actor: Actor, input: ArticleFields) {
  assertKbEditor(actor);
  const relatedIds = await checkReferences(tx, input);
  const [row] = await tx
    .insert(kbArticles)
    .values({
      tenantId: actor.tenantId,
      categoryId: input.categoryId,
      title: input.title,
      slug: await uniqueArticleSlug(tx, input.slug ?? slugify(input.title)),
      summary: input.summary,
      body: input.body,
      featured: input.featured,
      language: input.language,
      relatedIds,
      searchConfig: searchConfigFor(input.language),
      updatedByMembershipId: actor.membershipId,
    })
    .returning();
  await keepRevision(tx, actor, row!);
  await claimImages(tx, actor, row!.id, row!.body);
  await recordEvent(tx, actor, { action: "kb.articleCreated", objectType: "kbArticle", objectId: row!.id, summary: { title: row!.title } });
  return row!;
}

/** Saves an edit as a new version. Written against an older version: refused, the editor keeps the text. */
export async function updateArticle(tx: TenantDb, actor: Actor, id: string, input: ArticleFields & { expectedVersion: number }) {
  assertKbEditor(actor);
  const [current] = await tx.select().from(kbArticles).where(eq(kbArticles.id, id)).for("update");
  if (!current) throw new DeskError("NOT_FOUND", "kb.articleNotFound");
  if (current.version !== input.expectedVersion) throw new DeskError("CONFLICT", "kb.changedSinceLoaded", { params: { version: current.version } });
  const relatedIds = await checkReferences(tx, input, id);
  const [row] = await tx
    .update(kbArticles)
    .set({
      categoryId: input.categoryId,
      title: input.title,
      slug: input.slug ? await uniqueArticleSlug(tx, input.slug, id) : undefined,
      summary: input.summary,
      body: input.body,
      featured: input.featured,
      language: input.language,
      relatedIds,
      searchConfig: searchConfigFor(input.language),
      version: current.version + 1,
      updatedByMembershipId: actor.membershipId,
    })
    .where(eq(kbArticles.id, id))
    .returning();
  await keepRevision(tx, actor, row!);
  await claimImages(tx, actor, id, row!.body);
  await recordEvent(tx, actor, { action: "kb.articleUpdated", objectType: "kbArticle", objectId: id, summary: { title: row!.title, version: row!.version } });
  return row!;
}

export async function setArticleStatus(tx: TenantDb, actor: Actor, id: string, status: ArticleStatus) {
  assertKbEditor(actor);
  const [row] = await tx
    .update(kbArticles)
    .set({ status, publishedAt: status === "published" ? sql`coalesce(${kbArticles.publishedAt}, now())` : null })
    .where(eq(kbArticles.id, id))
    .returning();
  if (!row) throw new DeskError("NOT_FOUND", "kb.articleNotFound");
  await recordEvent(tx, actor, { action: status === "published" ? "kb.articlePublished" : "kb.articleUnpublished", objectType: "kbArticle", objectId: id, summary: { title: row.title } });
  return row;
}

export async function deleteArticle(tx: TenantDb, actor: Actor, id: string) {
  assertKbEditor(actor);
  const [row] = await tx.delete(kbArticles).where(eq(kbArticles.id, id)).returning({ title: kbArticles.title });
  if (!row) throw new DeskError("NOT_FOUND", "kb.articleNotFound");
  await releaseArticleImages(tx, id);
  await recordEvent(tx, actor, { action: "kb.articleDeleted", objectType: "kbArticle", objectId: id, summary: { title: row.title } });
}

/** Restores an old version's text as a new version (the history keeps everything). */
export async function restoreRevision(tx: TenantDb, actor: Actor, articleId: string, revisionId: string) {
  assertKbEditor(actor);
  const [revision] = await tx.select().from(kbRevisions).where(and(eq(kbRevisions.id, revisionId), eq(kbRevisions.articleId, articleId)));
  if (!revision) throw new DeskError("NOT_FOUND", "kb.revisionNotFound");
  const [current] = await tx.select().from(kbArticles).where(eq(kbArticles.id, articleId));
  if (!current) throw new DeskError("NOT_FOUND", "kb.articleNotFound");
  return updateArticle(tx, actor, articleId, {
    title: revision.title,
    summary: revision.summary,
    body: revision.body,
    categoryId: current.categoryId,
    featured: current.featured,
    language: current.language,
    relatedIds: current.relatedIds,
    expectedVersion: current.version,
  });
}

const since30 = sql`current_date - 29`;

/** Staff list: every article (drafts too) with views over 30 days, helpful share and deflections. */
export async function listArticles(tx: TenantDb, filter: { status?: ArticleStatus | null; categoryId?: string | null; query?: string | null }) {
  const rows = await tx
    .select({
      id: kbArticles.id,
      title: kbArticles.title,
      slug: kbArticles.slug,
      status: kbArticles.status,
      featured: kbArticles.featured,
      language: kbArticles.language,
      categoryId: kbArticles.categoryId,
      version: kbArticles.version,
      updatedAt: kbArticles.updatedAt,
      publishedAt: kbArticles.publishedAt,
      views30: sql<number>`coalesce((select sum(d.views)::int from kb_article_days d where d.tenant_id = kb_articles.tenant_id and d.article_id = kb_articles.id and d.day >= ${since30}), 0)`,
      helpful: sql<number>`(select count(*)::int from kb_votes v where v.tenant_id = kb_articles.tenant_id and v.article_id = kb_articles.id and v.helpful)`,
      votes: sql<number>`(select count(*)::int from kb_votes v where v.tenant_id = kb_articles.tenant_id and v.article_id = kb_articles.id)`,
      deflections: sql<number>`coalesce((select sum(greatest(d.widget_views - d.widget_submissions, 0))::int from kb_article_days d where d.tenant_id = kb_articles.tenant_id and d.article_id = kb_articles.id), 0)`,
      pendingComments: sql<number>`(select count(*)::int from kb_comments c where c.tenant_id = kb_articles.tenant_id and c.article_id = kb_articles.id and c.status = 'pending')`,
    })
    .from(kbArticles)
    .where(
      and(
        filter.status ? eq(kbArticles.status, filter.status) : undefined,
        filter.categoryId ? eq(kbArticles.categoryId, filter.categoryId) : undefined,
        filter.query ? ilike(kbArticles.title, `%${filter.query.replace(/[\\%_]/g, "\\$&")}%`) : undefined,
      ),
    )
    .orderBy(desc(kbArticles.updatedAt))
    .limit(500);
  return rows;
}

/** One article for the editor, with its history and statistics. */
export async function getArticle(tx: TenantDb, id: string) {
  const [article] = await tx.select().from(kbArticles).where(eq(kbArticles.id, id));
  if (!article) throw new DeskError("NOT_FOUND", "kb.articleNotFound");
  const [revisions, [stats], related] = await Promise.all([
    tx
      .select({ id: kbRevisions.id, version: kbRevisions.version, title: kbRevisions.title, createdAt: kbRevisions.createdAt, editedByMembershipId: kbRevisions.editedByMembershipId })
      .from(kbRevisions)
      .where(eq(kbRevisions.articleId, id))
      .orderBy(desc(kbRevisions.version)),
    tx
      .select({
        views: sql<number>`coalesce(sum(${kbArticleDays.views}), 0)::int`,
        views30: sql<number>`coalesce(sum(${kbArticleDays.views}) filter (where ${kbArticleDays.day} >= ${since30}), 0)::int`,
        widgetViews: sql<number>`coalesce(sum(${kbArticleDays.widgetViews}), 0)::int`,
        deflections: sql<number>`coalesce(sum(greatest(${kbArticleDays.widgetViews} - ${kbArticleDays.widgetSubmissions}, 0)), 0)::int`,
        helpful: sql<number>`(select count(*)::int from kb_votes v where v.tenant_id = ${article.tenantId} and v.article_id = ${id} and v.helpful)`,
        votes: sql<number>`(select count(*)::int from kb_votes v where v.tenant_id = ${article.tenantId} and v.article_id = ${id})`,
        averageScore: sql<number | null>`(select round(avg(v.score), 2)::float8 from kb_votes v where v.tenant_id = ${article.tenantId} and v.article_id = ${id} and v.score is not null)`,
      })
      .from(kbArticleDays)
      .where(eq(kbArticleDays.articleId, id)),
    article.relatedIds.length ? tx.select({ id: kbArticles.id, title: kbArticles.title }).from(kbArticles).where(inArray(kbArticles.id, article.relatedIds)) : [],
  ]);
  const desk = await getDesk(tx);
  return {
    article: { ...article, search: undefined, searchConfig: undefined },
    url: articleUrl(desk.slug, article.slug),
    revisions,
    stats: stats!,
    related,
  };
}

export async function getRevision(tx: TenantDb, articleId: string, revisionId: string) {
  const [revision] = await tx.select().from(kbRevisions).where(and(eq(kbRevisions.id, revisionId), eq(kbRevisions.articleId, articleId)));
  if (!revision) throw new DeskError("NOT_FOUND", "kb.revisionNotFound");
  return revision;
}

/** For the reply composer: published articles by title, with their public address. */
export async function articlesForLinking(tx: TenantDb, query: string) {
  const desk = await getDesk(tx);
  const rows = await tx
    .select({ id: kbArticles.id, title: kbArticles.title, slug: kbArticles.slug })
    .from(kbArticles)
    .where(and(eq(kbArticles.status, "published"), query ? ilike(kbArticles.title, `%${query.replace(/[\\%_]/g, "\\$&")}%`) : undefined))
    .orderBy(desc(kbArticles.publishedAt))
    .limit(20);
  return rows.map((r) => ({ ...r, url: articleUrl(desk.slug, r.slug) }));
}

/** Comments waiting for a decision (oldest first), and the latest decided ones. */
export async function moderationQueue(tx: TenantDb, actor: Actor, status: "pending" | "approved" | "rejected") {
  assertKbEditor(actor);
  return tx
    .select({
      id: kbComments.id,
      articleId: kbComments.articleId,
      articleTitle: kbArticles.title,
      articleSlug: kbArticles.slug,
      authorName: kbComments.authorName,
      authorEmail: kbComments.authorEmail,
      body: kbComments.body,
      status: kbComments.status,
      flag: kbComments.flag,
      reply: kbComments.reply,
      createdAt: kbComments.createdAt,
      moderatedAt: kbComments.moderatedAt,
    })
    .from(kbComments)
    .innerJoin(kbArticles, eq(kbArticles.id, kbComments.articleId))
    .where(eq(kbComments.status, status))
    .orderBy(status === "pending" ? kbComments.id : desc(kbComments.id))
    .limit(200);
}

export async function moderateComment(tx: TenantDb, actor: Actor, id: string, decision: { status: "approved" | "rejected"; reply?: string | null }) {
  assertKbEditor(actor);
  const [row] = await tx
    .update(kbComments)
    .set({
      status: decision.status,
      moderatedByMembershipId: actor.membershipId,
      moderatedAt: new Date(),
      ...(decision.reply !== undefined ? { reply: decision.reply || null, repliedByMembershipId: decision.reply ? actor.membershipId : null } : {}),
    })
    .where(eq(kbComments.id, id))
    .returning();
  if (!row) throw new DeskError("NOT_FOUND", "kb.commentNotFound");
  await recordEvent(tx, actor, { action: `kb.comment${decision.status === "approved" ? "Approved" : "Rejected"}`, objectType: "kbComment", objectId: id, summary: { author: row.authorName } });
  return row;
}

