import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, tenantIdColumn, updatedAtColumn } from "../db/columns";
import { regconfig, tsvector } from "../db/pg-types";
import { tenants } from "../kernel/schema";
import { articleStatuses, articleLanguages, commentStatuses } from "./values";

export * from "./values";

/** Knowledge-base categories, nested one level (a top category and its sub-categories), ordered. */
export const kbCategories = pgTable(
  "kb_categories",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    parentId: uuid("parent_id"),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    icon: text("icon").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("kb_categories_slug_key").on(t.tenantId, t.slug),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }).onDelete("cascade"),
  ],
);

/**
 * An article: Markdown body, draft or published, in a language. The search vector weighs the
 * title above the body, in the article's language (Russian stemming for Russian articles).
 */
export const kbArticles = pgTable(
  "kb_articles",
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: "cascade" }),
    id: idColumn(),
    categoryId: uuid("category_id"),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull(),
    status: text("status", { enum: articleStatuses }).notNull().default("draft"),
    featured: boolean("featured").notNull().default(false),
    language: text("language", { enum: articleLanguages }).notNull(),
    relatedIds: uuid("related_ids").array().notNull().default(sql`'{}'::uuid[]`),
    version: integer("version").notNull().default(1),
    searchConfig: regconfig("search_config").notNull(),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector(search_config, title), 'A') || setweight(to_tsvector(search_config, summary), 'B') || setweight(to_tsvector(search_config, body), 'C')`,
    ),
    /** The title alone: title matches are found through their own small index and ranked first. */
    titleSearch: tsvector("title_search").generatedAlwaysAs(sql`to_tsvector(search_config, title)`),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    updatedByMembershipId: uuid("updated_by_membership_id"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("kb_articles_slug_key").on(t.tenantId, t.slug),
    index("kb_articles_category_idx").on(t.tenantId, t.categoryId),
    index("kb_articles_published_idx").on(t.tenantId, t.featured, t.publishedAt).where(sql`status = 'published'`),
    index("kb_articles_search_idx").using("gin", t.search),
    index("kb_articles_title_search_idx").using("gin", t.titleSearch),
    foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [kbCategories.tenantId, kbCategories.id] }).onDelete("set null"),
  ],
);

/** Every save of an article keeps a version; an old one can be restored (as a new version). */
export const kbRevisions = pgTable(
  "kb_revisions",
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    articleId: uuid("article_id").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    editedByMembershipId: uuid("edited_by_membership_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("kb_revisions_version_key").on(t.tenantId, t.articleId, t.version),
    foreignKey({ columns: [t.tenantId, t.articleId], foreignColumns: [kbArticles.tenantId, kbArticles.id] }).onDelete("cascade"),
  ],
);

/** "Was this helpful?": one vote per visitor (a random id the page keeps) and article, changeable. */
export const kbVotes = pgTable(
  "kb_votes",
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    articleId: uuid("article_id").notNull(),
    visitorKey: text("visitor_key").notNull(),
    helpful: boolean("helpful").notNull(),
    score: smallint("score"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("kb_votes_visitor_key").on(t.tenantId, t.articleId, t.visitorKey),
    foreignKey({ columns: [t.tenantId, t.articleId], foreignColumns: [kbArticles.tenantId, kbArticles.id] }).onDelete("cascade"),
  ],
);

/** Visitors' comments: public only once approved. Staff may answer under a comment. */
export const kbComments = pgTable(
  "kb_comments",
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    articleId: uuid("article_id").notNull(),
    authorName: text("author_name").notNull(),
    authorEmail: text("author_email"),
    body: text("body").notNull(),
    status: text("status", { enum: commentStatuses }).notNull().default("pending"),
    /** Why a comment needs a closer look: it matched the stop-list, or the honeypot was filled. */
    flag: text("flag", { enum: ["stop_list", "spam"] }),
    ip: text("ip"),
    reply: text("reply"),
    repliedByMembershipId: uuid("replied_by_membership_id"),
    moderatedByMembershipId: uuid("moderated_by_membership_id"),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("kb_comments_article_idx").on(t.tenantId, t.articleId, t.status),
    index("kb_comments_pending_idx").on(t.tenantId, t.id).where(sql`status = 'pending'`),
    foreignKey({ columns: [t.tenantId, t.articleId], foreignColumns: [kbArticles.tenantId, kbArticles.id] }).onDelete("cascade"),
  ],
);

/**
 * Daily counters per article: page views, views that came from the widget, and of those the
 * ones followed by a request from the same widget (deflections = widget views − submissions).
 */
export const kbArticleDays = pgTable(
  "kb_article_days",
  {
    tenantId: tenantIdColumn(),
    articleId: uuid("article_id").notNull(),
    day: date("day").notNull(),
    views: integer("views").notNull().default(0),
    widgetViews: integer("widget_views").notNull().default(0),
    widgetSubmissions: integer("widget_submissions").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.articleId, t.day] }),
    foreignKey({ columns: [t.tenantId, t.articleId], foreignColumns: [kbArticles.tenantId, kbArticles.id] }).onDelete("cascade"),
  ],
);

export type KbArticle = typeof kbArticles.$inferSelect;
export type KbCategory = typeof kbCategories.$inferSelect;
export type KbComment = typeof kbComments.$inferSelect;
