import { baseUrl } from "@/env";
import { getDb } from "@/server/db/client";
import { sitemapEntries } from "@/server/kb/public";
import { route } from "@/server/http/route";
import { viaHelpCentre } from "@/server/tenancy/public";

export const dynamic = "force-dynamic";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The desk's help center for search engines: home, categories and every published article. */
export const GET = route({ name: "help.sitemap", maxBodyBytes: 0 }, async (_request: Request, { params }: { params: Promise<{ desk: string }> }) => {
  const { desk: slug } = await params;
  const db = await getDb();
  const found = await viaHelpCentre(db, slug, async (tx, desk) => ({ desk, ...(await sitemapEntries(tx)) }));
  if (!found) return new Response("Not found", { status: 404 });
  const { desk, articles, categories } = found;
  const home = `${baseUrl}/help/${desk.slug}`;
  const urls = [
    `<url><loc>${escape(home)}</loc></url>`,
    ...categories.map((c) => `<url><loc>${escape(`${home}/categories/${encodeURIComponent(c.slug)}`)}</loc></url>`),
    ...articles.map((a) => `<url><loc>${escape(`${home}/articles/${encodeURIComponent(a.slug)}`)}</loc><lastmod>${a.updatedAt.toISOString()}</lastmod></url>`),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=600" } });
});
