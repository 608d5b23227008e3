import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

type Outputs = inferRouterOutputs<AppRouter>["kb"];
export type KbCategory = Outputs["categories"][number];
export type KbArticleRow = Outputs["articles"][number];
export type KbArticleDetails = Outputs["article"];
export type KbComment = Outputs["comments"][number];

// Kept here (not imported from the server schema) so the browser bundle stays free of drizzle.
export const articleLanguages = ["en", "ru"] as const;
export type ArticleLanguage = (typeof articleLanguages)[number];
export const commentStatuses = ["pending", "approved", "rejected"] as const;
export type CommentStatus = (typeof commentStatuses)[number];

/** The longest address the server's slug rule accepts (src/server/kb/inputs.ts). */
const slugMax = 120;

/** "How to reset your password?" → "how-to-reset-your-password": the server's slugify, for the live address. */
export function slugify(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, slugMax)
    .replace(/-+$/g, "");
}

/** Images the help center serves (and only while their article is published). */
export const articleImageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

/** The share of "yes" among the votes, or null without votes. */
export function helpfulPercent(helpful: number, votes: number): number | null {
  return votes > 0 ? Math.round((helpful / votes) * 100) : null;
}

/** A category's name as pickers show it: sub-categories after their parent. */
export function categoryLabel(category: KbCategory, all: readonly KbCategory[]): string {
  const parent = category.parentId ? all.find((c) => c.id === category.parentId) : undefined;
  return parent ? `${parent.name} › ${category.name}` : category.name;
}
