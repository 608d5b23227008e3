"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Button } from "@/components/ui/button";

export type Uploaded = { id: string; fileName: string; size: number };

const sizeLabel = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Files chosen for the next message: uploaded at once, attached when the message is sent. */
export function useAttachments(desk: string) {
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<ErrorMessage>(null);

  async function add(list: FileList | null) {
    setError(null);
    for (const file of Array.from(list ?? [])) {
      setUploading((n) => n + 1);
      try {
        const form = new FormData();
        form.set("desk", desk);
        form.set("file", file);
        const response = await fetch("/api/files/upload", { method: "POST", body: form });
        const body = (await response.json()) as Uploaded & { error?: string; params?: Record<string, string | number> };
        if (!response.ok) setError({ key: body.error ?? "generic", params: body.params ?? undefined });
        else setFiles((current) => [...current, { id: body.id, fileName: body.fileName, size: body.size }]);
      } catch {
        setError({ key: "network" });
      } finally {
        setUploading((n) => n - 1);
      }
    }
  }

  return {
    files,
    uploading: uploading > 0,
    error,
    add,
    remove: (id: string) => setFiles((current) => current.filter((f) => f.id !== id)),
    clear: () => setFiles([]),
  };
}

/** The "Attach files" button and the chips of files ready to go. */
export function AttachmentPicker({ state }: { state: ReturnType<typeof useAttachments> }) {
  const t = useTranslations("ticket.attachments");
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          aria-label={t("choose")}
          onChange={(event) => {
            void state.add(event.target.files);
            event.target.value = "";
          }}
        />
        <Button type="button" variant="secondary" size="sm" loading={state.uploading} onClick={() => input.current?.click()}>
          {t("attach")}
        </Button>
        {state.files.map((file) => (
          <span key={file.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2.5 py-1 text-xs text-slate-700">
            {file.fileName} · {sizeLabel(file.size)}
            <button type="button" className="ml-1 rounded text-slate-500 hover:text-slate-900" aria-label={t("remove", { name: file.fileName })} onClick={() => state.remove(file.id)}>
              ✕
            </button>
          </span>
        ))}
      </div>
      {state.error ? <p className="text-xs text-red-700">{errorText(state.error)}</p> : null}
    </div>
  );
}

/** A message's attachments, served only as downloads through the authorised route. */
export function AttachmentList({ desk, files }: { desk: string; files: { id: string; fileName: string; size: number }[] }) {
  const t = useTranslations("ticket.attachments");
  if (files.length === 0) return null;
  return (
    <ul aria-label={t("listLabel")} className="mt-2 flex flex-wrap gap-2 pl-9.5">
      {files.map((file) => (
        <li key={file.id}>
          <a
            href={`/api/files/${file.id}?desk=${encodeURIComponent(desk)}`}
            download={file.fileName}
            className="inline-flex items-center gap-1.5 rounded-lg border border-slate-200 bg-white px-2.5 py-1 text-xs text-slate-700 hover:border-brand-500 hover:text-brand-700"
          >
            <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
              <path d="M10.5 4.5 5.2 9.8a1.5 1.5 0 0 0 2.1 2.1l5.5-5.5a3 3 0 0 0-4.2-4.2L3 7.8a4.5 4.5 0 0 0 6.4 6.4l4.1-4.1" strokeLinecap="round" />
            </svg>
            {file.fileName} · {sizeLabel(file.size)}
          </a>
        </li>
      ))}
    </ul>
  );
}
