import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { articleLanguages, articleStatuses } from "./values";

export const kbSlug = textInput()
  .trim()
  .toLowerCase()
  .min(1, "kb.slugRequired")
  .max(120, "kb.slugTooLong")
  .regex(/^[\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)*$/u, "kb.slugInvalid");

/** "How to reset your password?" → "how-to-reset-your-password"; Cyrillic is kept. */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 120)
      .replace(/-+$/g, "") || "article"
  );
}

export const categoryInput = {
  name: textInput().trim().min(1, "kb.nameRequired").max(120, "kb.nameTooLong"),
  slug: kbSlug.optional(),
  description: textInput().trim().max(500, "kb.descriptionTooLong").default(""),
  icon: textInput().trim().max(40, "kb.iconTooLong").default(""),
  parentId: z.uuid("kb.categoryNotFound").nullable().default(null),
};

/** Most related articles at the end of one article. */
export const relatedMax = 10;

export const articleInput = {
  title: textInput().trim().min(1, "kb.titleRequired").max(200, "kb.titleTooLong"),
  slug: kbSlug.optional(),
  summary: textInput().trim().max(300, "kb.summaryTooLong").default(""),
  body: textInput().trim().min(1, "kb.bodyRequired").max(100_000, "kb.bodyTooLong"),
  categoryId: z.uuid("kb.categoryNotFound").nullable().default(null),
  featured: z.boolean().default(false),
  language: z.enum(articleLanguages),
  relatedIds: z.array(z.uuid("kb.articleNotFound")).max(relatedMax, "kb.tooManyRelated").default([]),
};

export const articleStatus = z.enum(articleStatuses);

/** What a visitor types: words, from 1 to 200 characters. */
export const searchQuery = textInput().trim().max(200, "kb.queryTooLong");

export const commentInput = {
  name: textInput().trim().min(1, "name.required").max(80, "name.tooLong"),
  email: z.union([z.literal(""), textInput().trim().toLowerCase().max(254, "email.tooLong").pipe(z.email("email.invalid"))]).default(""),
  body: textInput().trim().min(1, "kb.commentRequired").max(5000, "kb.commentTooLong"),
  website: textInput().max(500).default(""),
};

export const articleId = z.uuid("kb.articleNotFound");
export const categoryId = z.uuid("kb.categoryNotFound");
export const revisionId = z.uuid("kb.revisionNotFound");
/** Up or down among its siblings. */
export const moveDirection = z.enum(["up", "down"]);
/** The staff list's filters: status, category and words of the title. */
export const articleFilters = { status: articleStatus.nullish(), categoryId: categoryId.nullish(), query: textInput().trim().max(200).nullish() };
/** An article saved over the version its editor loaded (a newer one means a colleague saved meanwhile). */
export const articleUpdateInput = { ...articleInput, id: articleId, expectedVersion: z.number().int().min(1) };
/** Words of a published article's title, for linking it in a reply. */
export const linkQuery = textInput().trim().max(200);
export const commentQueue = z.enum(["pending", "approved", "rejected"]);
/** A moderator's decision on a comment, with an optional public reply. */
export const moderationInput = {
  id: z.uuid("kb.commentNotFound"),
  status: z.enum(["approved", "rejected"]),
  reply: textInput().trim().max(5000, "kb.commentTooLong").nullish(),
};
