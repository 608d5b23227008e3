import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { errorResponse, withDeskOfRequest } from "@/server/http/responses";
import { route } from "@/server/http/route";
import { mailHtmlView } from "@/server/mail/html-view";

export const dynamic = "force-dynamic";

/**
 * An imported mail shown as it was written, for the ticket page's frame: sanitised HTML under a
 * policy that allows no script, no form, no plugin and no remote content (`?images=1` allows
 * remote images once the agent asked), in a sandbox, framed only by our own pages.
 */
export const GET = route({ name: "mail.view", maxBodyBytes: 0 }, async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  if (!z.uuid().safeParse(id).success) return Response.json({ error: "mail.originalNotFound" }, { status: 404 });
  const images = query.get("images") === "1";
  try {
    const desk = query.get("desk") ?? "";
    const view = await withDeskOfRequest(request, desk, (tx, actor) => mailHtmlView(tx, actor, id, { images }));
    const t = await getTranslations("ticket.conversation");
    const notice =
      view.blockedImages > 0
        ? `<p class="notice">${t("imagesBlocked", { count: view.blockedImages })}</p>`
        : "";
    const page = `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>body{font:14px/1.5 system-ui,sans-serif;color:#0f172a;margin:8px;overflow-wrap:anywhere}img{max-width:100%;height:auto}pre{white-space:pre-wrap;font:inherit}.notice{background:#fef3c7;border:1px solid #fcd34d;border-radius:6px;padding:6px 10px;font-size:13px}.blocked-image{display:inline-block;border:1px dashed #cbd5e1;color:#64748b;padding:0 4px}</style></head><body>${notice}${view.html}</body></html>`;
    return new Response(page, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; img-src data:${images ? " https: http:" : ""}; form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox`,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "SAMEORIGIN",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
});
