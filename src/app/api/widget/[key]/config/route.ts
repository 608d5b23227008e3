import { baseUrl } from "@/env";
import { getDb } from "@/server/db/client";
import { originAllowed } from "@/server/widget/service";
import { route } from "@/server/http/route";
import { unsafeFindWidget } from "@/server/tenancy/public";

export const dynamic = "force-dynamic";

/**
 * What the loader (public/widget.js) needs to draw the launcher. Answered only to a page of an
 * origin the desk allows (CORS): on any other site the launcher never appears.
 */
export const GET = route({ name: "widget.config", maxBodyBytes: 0 }, async (request: Request, { params }: { params: Promise<{ key: string }> }) => {
  const { key } = await params;
  const origin = request.headers.get("origin");
  const widget = await unsafeFindWidget(await getDb(), key);
  if (!widget) return Response.json({ error: "widget.notFound" }, { status: 404 });
  if (!originAllowed(widget, origin)) return Response.json({ error: "widget.originRefused" }, { status: 403 });
  return Response.json(
    { color: widget.color, position: widget.position, frame: `${baseUrl}/widget/${widget.publicKey}` },
    { headers: { "Access-Control-Allow-Origin": origin!, Vary: "Origin", "Cache-Control": "no-store" } },
  );
});
