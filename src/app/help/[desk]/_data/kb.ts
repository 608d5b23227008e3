import "server-only";
import { cache } from "react";
import { baseUrl } from "@/env";
import { getDb } from "@/server/db/client";
import type { TenantDb } from "@/server/db/types";
import { listCategories } from "@/server/kb/categories";
import { kbSlug } from "@/server/kb/inputs";
import { articlePage, categoryPage, helpCenterHome, searchArticles } from "@/server/kb/public";
import { viaHelpCentre } from "@/server/tenancy/public";

/** Runs fn in the scope of the help center's desk (null when the slug names no public desk). */
async function inDesk<T>(deskSlug: string, fn: (tx: TenantDb) => Promise<T>): Promise<T | null> {
  return viaHelpCentre(await getDb(), deskSlug, fn);
}

/**
 * A slug from the address: Next may hand it over still percent-encoded (Cyrillic slugs), and slugs
 * never contain "%", so decoding is safe. Null when it cannot be a slug at all.
 */
export function slugFromPath(raw: string): string | null {
  let text = raw;
  try {
    if (/%[0-9a-f]{2}/i.test(text)) text = decodeURIComponent(text);
  } catch {
    return null;
  }
  const parsed = kbSlug.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** The absolute address of a page of the site (from the configured base URL), for canonical links and sharing. */
export const absoluteUrl = (path: string) => `${baseUrl}${path}`;

export const loadKbHome = cache((deskSlug: string) => inDesk(deskSlug, (tx) => helpCenterHome(tx)));

export const loadKbSearch = cache((deskSlug: string, query: string) => inDesk(deskSlug, (tx) => searchArticles(tx, query, { limit: 20 })));

export const loadKbCategory = cache((deskSlug: string, slug: string) => inDesk(deskSlug, (tx) => categoryPage(tx, slug)));

export type KbArticle = NonNullable<Awaited<ReturnType<typeof articlePage>>>;

/**
 * A published article and the trail above it (its category and that category's parent). Only the
 * page's real render counts a view (metadata reads it with `countView: false`).
 */
export async function loadKbArticle(deskSlug: string, slug: string, options: { countView: boolean; fromWidget: boolean }) {
  return inDesk(deskSlug, async (tx) => {
    const article = await articlePage(tx, slug, options);
    if (!article) return null;
    let trail: { name: string; slug: string }[] = [];
    if (article.category) {
      const categories = await listCategories(tx, { publishedOnly: true });
      const own = categories.find((c) => c.slug === article.category?.slug);
      const parent = own?.parentId ? categories.find((c) => c.id === own.parentId) : undefined;
      trail = [...(parent ? [{ name: parent.name, slug: parent.slug }] : []), article.category];
    }
    return { article, trail };
  });
}

/** The article for generateMetadata: read once per request, without counting a view. */
export const loadKbArticleMeta = cache((deskSlug: string, slug: string) => inDesk(deskSlug, (tx) => articlePage(tx, slug, { countView: false })));
