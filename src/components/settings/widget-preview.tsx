"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { previewLook } from "@/server/widget/inputs";
import { type WidgetPosition } from "@/server/widget/values";

export type PreviewLook = { color: string; position: WidgetPosition; greeting: string };

/** The widget page with unsaved look values (it shows a "Preview" ribbon for ?preview=1). */
export function previewSrc(framePath: string, look: PreviewLook, saved: PreviewLook): string {
  const shown = previewLook(look, saved);
  const params = new URLSearchParams({ preview: "1", color: shown.color, position: shown.position, greeting: shown.greeting });
  return `${framePath}?${params.toString()}`;
}

/** Live preview beside the form: the real widget page, reloaded a moment after the admin stops typing. */
export function WidgetPreview({ framePath, look, saved, dirty }: { framePath: string; look: PreviewLook; saved: PreviewLook; dirty: boolean }) {
  const t = useTranslations("widgetAdmin.widget.preview");
  const wanted = previewSrc(framePath, look, saved);
  const [src, setSrc] = useState(wanted);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (wanted === src) return;
    const timer = setTimeout(() => setSrc(wanted), 500);
    return () => clearTimeout(timer);
  }, [wanted, src]);

  return (
    <section aria-labelledby="widget-preview" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="widget-preview" className="flex items-center gap-2 text-base font-semibold text-slate-900">
          {t("title")}
          {dirty ? <Badge variant="warning">{t("unsaved")}</Badge> : null}
        </h2>
        <Button type="button" variant="ghost" size="sm" onClick={() => setReloads((n) => n + 1)}>
          <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
            <path d="M13.25 8a5.25 5.25 0 1 1-1.54-3.71M13.25 2.75v3h-3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {t("reload")}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t("description")}</p>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-slate-100">
        <iframe key={reloads} src={src} title={t("frameTitle")} className="block h-[640px] w-full border-0 bg-white" loading="lazy" />
      </div>
    </section>
  );
}
