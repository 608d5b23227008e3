import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { files } from "@/server/files/schema";
import { readStoredFile } from "@/server/files/storage";
import { kbArticles } from "@/server/kb/schema";
import { route } from "@/server/http/route";
import { viaHelpCentre } from "@/server/tenancy/public";

export const dynamic = "force-dynamic";

const images = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/**
 * An image of a published knowledge-base article, shown inline. Only raster images (never SVG or
 * HTML), with nosniff and a sandboxing CSP; anything else, or a draft's image, is not found.
 */
export const GET = route({ name: "help.file", maxBodyBytes: 0 }, async (_request: Request, { params }: { params: Promise<{ desk: string; id: string }> }) => {
  const { desk: slug, id } = await params;
  if (!z.uuid().safeParse(id).success) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const file = await viaHelpCentre(db, slug, async (tx) => {
    const [row] = await tx
      .select({ storageKey: files.storageKey, contentType: files.contentType })
      .from(files)
      .innerJoin(kbArticles, and(eq(kbArticles.id, files.articleId), eq(kbArticles.status, "published")))
      .where(and(eq(files.id, id), sql`${files.ticketId} is null`));
    return row ?? null;
  });
  if (!file || !images.has(file.contentType)) return new Response("Not found", { status: 404 });
  const bytes = await readStoredFile(file.storageKey);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "public, max-age=300",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
    },
  });
});
