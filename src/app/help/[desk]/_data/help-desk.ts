import "server-only";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { helpCenterDesk } from "@/server/portal/help";
import { deskSlug } from "@/server/kernel/inputs";

/** The desk behind /help/SLUG, read once per request (layout, pages and metadata share it). */
export const loadHelpDesk = cache(async (slug: string) => {
  const parsed = deskSlug.safeParse(slug);
  if (!parsed.success) return null;
  return helpCenterDesk(await getDb(), parsed.data);
});

export type HelpDesk = NonNullable<Awaited<ReturnType<typeof loadHelpDesk>>>;
