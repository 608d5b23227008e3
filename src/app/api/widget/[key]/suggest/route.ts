import { getDb } from "@/server/db/client";
import { unsafeFindWidget } from "@/server/widget/service";

export const dynamic = "force-dynamic";

/**
 * Knowledge-base articles matching what the visitor types, for self-service before the form.
 * The knowledge base is not built yet (its own issue): until then there is nothing to suggest.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const widget = await unsafeFindWidget(await getDb(), key);
  if (!widget) return Response.json({ error: "widget.notFound" }, { status: 404 });
  return Response.json({ articles: [] });
}
