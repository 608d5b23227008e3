import { textInput } from "@/lib/text-input";
import { getDb } from "@/server/db/client";
import { searchArticles } from "@/server/kb/public";
import { route } from "@/server/http/route";
import { viaWidgetKey } from "@/server/tenancy/public";

export const dynamic = "force-dynamic";

const query = textInput().trim().min(3).max(200);

/**
 * Knowledge-base articles matching what the visitor types (self-service before the form): the
 * five best published articles, with a highlighted snippet. The link carries from=widget so the
 * article page counts the read for deflection statistics.
 */
export const GET = route({ name: "widget.suggest", maxBodyBytes: 0 }, async (request: Request, { params }: { params: Promise<{ key: string }> }) => {
  const { key } = await params;
  const typed = query.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  const found = await viaWidgetKey(await getDb(), key, async (tx) => (typed.success ? searchArticles(tx, typed.data, { limit: 5 }) : []));
  if (!found) return Response.json({ error: "widget.notFound" }, { status: 404 });
  return Response.json(
    { articles: found.map((a) => ({ id: a.id, title: a.title, url: `${a.url}?from=widget`, snippet: a.snippet })) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
