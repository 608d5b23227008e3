import { createTRPCRouter, deskInput, deskProcedure } from "../trpc";
import {
  articlesForLinking,
  createArticle,
  deleteArticle,
  getArticle,
  getRevision,
  listArticles,
  moderateComment,
  moderationQueue,
  restoreRevision,
  setArticleStatus,
  updateArticle,
} from "./articles";
import { createCategory, deleteCategory, listCategories, moveCategory, updateCategory } from "./categories";
import {
  articleFilters,
  articleId as id,
  articleInput,
  articleStatus,
  articleUpdateInput,
  categoryId,
  categoryInput,
  commentQueue,
  linkQuery,
  moderationInput,
  moveDirection,
  revisionId,
} from "./inputs";

/**
 * The knowledge base in the staff panel. Every member may read it (agents link articles in
 * replies); writing needs kb.manage (owners, admins, and agents marked as knowledge-base editors).
 */
export const kbRouter = createTRPCRouter({
  categories: deskProcedure.input(deskInput({})).query(({ ctx }) => listCategories(ctx.tx)),
  createCategory: deskProcedure.input(deskInput(categoryInput)).mutation(({ ctx, input }) => createCategory(ctx.tx, ctx.actor, input)),
  updateCategory: deskProcedure.input(deskInput({ ...categoryInput, id: categoryId })).mutation(({ ctx, input }) => updateCategory(ctx.tx, ctx.actor, input.id, input)),
  moveCategory: deskProcedure
    .input(deskInput({ id: categoryId, direction: moveDirection }))
    .mutation(({ ctx, input }) => moveCategory(ctx.tx, ctx.actor, input.id, input.direction)),
  deleteCategory: deskProcedure.input(deskInput({ id: categoryId })).mutation(({ ctx, input }) => deleteCategory(ctx.tx, ctx.actor, input.id)),

  articles: deskProcedure
    .input(deskInput(articleFilters))
    .query(({ ctx, input }) => listArticles(ctx.tx, input)),
  article: deskProcedure.input(deskInput({ id })).query(({ ctx, input }) => getArticle(ctx.tx, input.id)),
  revision: deskProcedure
    .input(deskInput({ id, revisionId }))
    .query(({ ctx, input }) => getRevision(ctx.tx, input.id, input.revisionId)),
  createArticle: deskProcedure.input(deskInput(articleInput)).mutation(({ ctx, input }) => createArticle(ctx.tx, ctx.actor, input)),
  updateArticle: deskProcedure
    .input(deskInput(articleUpdateInput))
    .mutation(({ ctx, input }) => updateArticle(ctx.tx, ctx.actor, input.id, input)),
  setStatus: deskProcedure.input(deskInput({ id, status: articleStatus })).mutation(({ ctx, input }) => setArticleStatus(ctx.tx, ctx.actor, input.id, input.status)),
  deleteArticle: deskProcedure.input(deskInput({ id })).mutation(({ ctx, input }) => deleteArticle(ctx.tx, ctx.actor, input.id)),
  restore: deskProcedure
    .input(deskInput({ id, revisionId }))
    .mutation(({ ctx, input }) => restoreRevision(ctx.tx, ctx.actor, input.id, input.revisionId)),
  linkSearch: deskProcedure.input(deskInput({ query: linkQuery })).query(({ ctx, input }) => articlesForLinking(ctx.tx, input.query)),

  comments: deskProcedure
    .input(deskInput({ status: commentQueue.default("pending") }))
    .query(({ ctx, input }) => moderationQueue(ctx.tx, ctx.actor, input.status)),
  moderate: deskProcedure
    .input(deskInput(moderationInput))
    .mutation(({ ctx, input }) => moderateComment(ctx.tx, ctx.actor, input.id, { status: input.status, reply: input.reply ?? undefined })),
});
