// The page inside the widget iframe: a Route Handler, not a React page, so it sets the desk's own
// frame-ancestors and ships no framework script. The HTML is built by src/widget/frame-page.ts;
// the form is drawn by public/widget-frame.js (src/widget/frame.ts).
import { createTranslator } from "next-intl";
import { getDb } from "@/server/db/client";
import { maxUploadBytes } from "@/server/files/service";
import { previewLook } from "@/server/widget/inputs";
import { frameAncestors, originAllowed, widgetPublicConfig } from "@/server/widget/service";
import { defaultLocale, localeFromAcceptLanguage, type Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import { frameHtml, frameNotFoundHtml, type FrameConfig } from "@/widget/frame-page";
import { route } from "@/server/http/route";
import { viaWidgetKey } from "@/server/tenancy/public";
import { MAX_VISITOR_FILES } from "@/server/public/limits";

export const dynamic = "force-dynamic";

type Translate = (key: string, values?: Record<string, string | number>) => string;

const policy = (ancestors: string) =>
  `frame-ancestors ${ancestors}; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'`;

function html(body: string, status: number, ancestors: string): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": policy(ancestors),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cache-Control": "no-store",
    },
  });
}

async function translator(locale: Locale): Promise<{ t: Translate; keys: string[] }> {
  const messages = await loadMessages(locale);
  // Keys come from our own message file, loaded at run time, so they are untyped here.
  const t = createTranslator({ locale, messages, namespace: "widget" }) as unknown as Translate;
  return { t, keys: Object.keys(messages.widget ?? {}) };
}

export const GET = route({ name: "widget.frame", maxBodyBytes: 0 }, async (request: Request, { params }: { params: Promise<{ key: string }> }) => {
  const { key } = await params;
  const db = await getDb();
  const found = await viaWidgetKey(db, key, async (tx, widget) => ({ widget, desk: await widgetPublicConfig(tx, widget) }));
  if (!found) {
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language")) ?? defaultLocale;
    const { t } = await translator(locale);
    return html(frameNotFoundHtml(locale, t("notFound")), 404, "'self'");
  }

  const { widget, desk } = found;
  const query = new URL(request.url).searchParams;
  // The unsaved look is shown only inside our own pages (Settings → Widget frames it); a link to
  // ?preview=1 opened anywhere else renders the desk's real widget, so nobody can dress it up.
  const preview = query.get("preview") === "1" && request.headers.get("sec-fetch-site") === "same-origin";
  // The unsaved look (?color=&position=&greeting=) is checked like a save; what fails keeps the saved value.
  const look = preview ? previewLook({ color: query.get("color"), position: query.get("position"), greeting: query.get("greeting") ?? undefined }, desk) : desk;
  const parent = query.get("origin");

  const { t, keys } = await translator(desk.locale);
  const mb = Math.floor(maxUploadBytes() / 1024 / 1024);
  // Values the frame fills in itself stay as placeholders.
  const values = { number: "{number}", email: "{email}", name: "{name}", max: MAX_VISITOR_FILES, mb };
  const strings = Object.fromEntries(keys.map((k) => [k, t(k, values)]));

  const config: FrameConfig = {
    key: widget.publicKey,
    deskName: desk.deskName,
    greeting: look.greeting,
    parentOrigin: parent && originAllowed(widget, parent) ? parent : null,
    preview,
    fields: desk.fields,
    departments: desk.departments,
    maxFiles: MAX_VISITOR_FILES,
    maxFileBytes: maxUploadBytes(),
    t: strings,
  };
  return html(frameHtml(config, { locale: desk.locale, color: look.color, position: look.position }), 200, frameAncestors(widget));
});
