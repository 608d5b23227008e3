"use client";

import { useTranslations } from "next-intl";
import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { markdownClassName } from "@/components/ticket/markdown-body";
import { Button } from "@/components/ui/button";
import { FieldProblem } from "@/components/ui/field";
import { MarkdownField, ownParagraph, type MarkdownFieldHandle } from "@/components/ui/markdown-field";
import { cn } from "@/lib/cn";
import { renderArticleMarkdown } from "@/lib/markdown";
import { bodyMax } from "./limits";
import { articleImageTypes } from "./shared";

type Uploaded = { id: string; fileName: string };

/** "![…](…)" breaks on brackets and newlines in the alt text. */
const altText = (fileName: string) => fileName.replace(/\.[a-z0-9]+$/i, "").replace(/[[\]\\\n\r]/g, " ").trim() || "image";

/**
 * Images in the body point at the help center's public route, which serves them only once the
 * article is published. The preview asks the staff download route first for images uploaded in
 * this editor (and for drafts), and falls back to the other route if one does not answer.
 */
function previewSources(html: string, desk: string, published: boolean, uploaded: ReadonlySet<string>) {
  return html.replace(/<img src="\/help\/([a-z0-9-]+)\/files\/([0-9a-f-]{36})"/g, (match, slug: string, id: string) => {
    if (slug !== desk) return match;
    const publicSrc = `/help/${slug}/files/${id}`;
    const staffSrc = `/api/files/${id}?desk=${encodeURIComponent(desk)}`;
    const [first, second] = uploaded.has(id) || !published ? [staffSrc, publicSrc] : [publicSrc, staffSrc];
    return `<img src="${first}" data-fallback="${second}"`;
  });
}

/** The article's Markdown with Write/Preview tabs and an "Insert image" button that uploads and inserts. */
export function MarkdownEditor({
  desk,
  value,
  onChange,
  label,
  error,
  published,
}: {
  desk: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  error?: string;
  published: boolean;
}) {
  const t = useTranslations("kb.editor.body");
  const errorText = useErrorText();
  const ids = useId();
  const field = useRef<MarkdownFieldHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<ErrorMessage>(null);
  const [uploaded, setUploaded] = useState<Uploaded[]>([]);
  const [announce, setAnnounce] = useState("");

  function insertImage(file: Uploaded) {
    field.current?.insert(`![${altText(file.fileName)}](/help/${desk}/files/${file.id})`, ownParagraph);
  }

  async function upload(list: FileList | null) {
    setUploadError(null);
    setAnnounce("");
    const files = Array.from(list ?? []);
    for (const file of files) {
      if (!(articleImageTypes as readonly string[]).includes(file.type)) {
        setUploadError({ key: "kb.imageType", params: { name: file.name } });
        continue;
      }
      setUploading(true);
      try {
        const form = new FormData();
        form.set("desk", desk);
        form.set("file", file);
        const response = await fetch("/api/files/upload", { method: "POST", body: form });
        const body = (await response.json()) as { id: string; fileName: string; error?: string; params?: Record<string, string | number> };
        if (!response.ok) {
          setUploadError({ key: body.error ?? "generic", params: body.params ?? undefined });
          continue;
        }
        const stored = { id: body.id, fileName: body.fileName };
        setUploaded((current) => [...current, stored]);
        insertImage(stored);
        setAnnounce(t("inserted", { name: stored.fileName }));
      } catch {
        setUploadError({ key: "network" });
      } finally {
        setUploading(false);
      }
    }
  }

  const uploadErrorText = uploadError?.key === "kb.imageType" ? t("imageType", { name: String(uploadError.params?.name ?? "") }) : errorText(uploadError);
  const describedBy = [error ? `${ids}-error` : null, `${ids}-hint`].filter(Boolean).join(" ");

  return (
    <div className="flex flex-col gap-1.5">
      <MarkdownField
        ref={field}
        idPrefix={ids}
        value={value}
        onChange={onChange}
        tabsLabel={t("view")}
        writeLabel={t("write")}
        previewLabel={t("preview")}
        textarea={{
          id: `${ids}-text`,
          rows: 20,
          maxLength: bodyMax,
          "aria-required": true,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          spellCheck: true,
          placeholder: t("placeholder"),
          className: cn(
            "block min-h-80 w-full resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-[13px] leading-relaxed text-slate-900 shadow-xs placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500",
            error && "border-red-500 hover:border-red-600",
          ),
        }}
        preview={() => <ArticlePreview desk={desk} body={value} published={published} uploaded={uploaded} />}
        layout={(tabs, panel) => (
          <>
            <div className="flex flex-wrap items-end justify-between gap-2">
              <label htmlFor={`${ids}-text`} className="text-sm leading-5 font-medium text-slate-800">
                {label}
                <span aria-hidden="true" className="ml-0.5 text-red-600">
                  *
                </span>
              </label>
              {tabs}
            </div>
            {panel}
          </>
        )}
      />
      {error ? (
        <FieldProblem id={`${ids}-error`} marked={false}>
          {error}
        </FieldProblem>
      ) : null}
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1.5">
        <input
          ref={fileInput}
          type="file"
          accept={articleImageTypes.join(",")}
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            void upload(event.target.files);
            event.target.value = "";
          }}
        />
        <Button type="button" variant="secondary" size="sm" loading={uploading} onClick={() => fileInput.current?.click()} aria-describedby={`${ids}-images`}>
          <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
            <rect x="2" y="3" width="12" height="10" rx="1.5" stroke="currentColor" strokeWidth="1.5" />
            <circle cx="6" cy="6.5" r="1.25" fill="currentColor" />
            <path d="m2.5 11.5 3.5-3 2.5 2 2-1.5 3 2.5" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          </svg>
          {uploading ? t("uploading") : t("insertImage")}
        </Button>
        <p id={`${ids}-images`} className="min-w-0 flex-1 pt-1.5 text-xs text-slate-500">
          {t("imagesHint")}
        </p>
      </div>
      {uploadErrorText ? (
        <p role="alert" className="text-sm text-red-700">
          {uploadErrorText}
        </p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <p id={`${ids}-hint`} className="text-xs text-slate-500">
        {t("hint")}
      </p>
    </div>
  );
}

/** The article as the help center will show it: the same renderer, the same allowlist. */
export function ArticlePreview({ desk, body, published, uploaded = [] }: { desk: string; body: string; published: boolean; uploaded?: Uploaded[] }) {
  const t = useTranslations("kb.editor.body");
  const box = useRef<HTMLDivElement>(null);
  const uploadedIds = useMemo(() => new Set(uploaded.map((u) => u.id)), [uploaded]);
  const html = useMemo(() => previewSources(renderArticleMarkdown(body), desk, published, uploadedIds), [body, desk, published, uploadedIds]);

  // An image one route does not serve (a colleague's upload in a draft, say) gets one try at the other.
  useLayoutEffect(() => {
    const images = Array.from(box.current?.querySelectorAll<HTMLImageElement>("img[data-fallback]") ?? []);
    const onError = (event: Event) => {
      const image = event.currentTarget as HTMLImageElement;
      const fallback = image.dataset.fallback;
      if (!fallback) return;
      delete image.dataset.fallback;
      image.src = fallback;
    };
    for (const image of images) {
      image.addEventListener("error", onError);
      if (image.complete && image.naturalWidth === 0) image.dispatchEvent(new Event("error"));
    }
    return () => {
      for (const image of images) image.removeEventListener("error", onError);
    };
  }, [html]);

  if (!body.trim()) {
    return <p className="min-h-80 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-400">{t("nothingToPreview")}</p>;
  }
  return (
    <div
      ref={box}
      className={cn(
        markdownClassName,
        "min-h-80 rounded-lg border border-slate-200 bg-white px-5 py-4 text-[15px]",
        "[&_h2]:text-lg [&_h3]:text-base [&_img]:my-3 [&_img]:h-auto [&_img]:max-w-full [&_img]:rounded-md [&_img]:border [&_img]:border-slate-200",
      )}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
