"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { renderMacros, type MacroValues } from "@/lib/macros";
import { useTRPC } from "@/trpc/react";
import { MarkdownBody } from "./markdown-body";
import { statuses } from "./shared";

type Status = (typeof statuses)[number];
export type StatusChoice = Status | "keep";

/** What the message will look like: placeholders filled in, Markdown rendered, the signature added. */
export function ReplyPreview({ body, values, withSignature, desk }: { body: string; values: MacroValues; withSignature: boolean; desk: string }) {
  const t = useTranslations("ticket.composer");
  const trpc = useTRPC();
  const profile = useQuery(trpc.account.profile.queryOptions({ desk }, { enabled: withSignature }));
  const signature = withSignature ? (profile.data?.signature.trim() ?? "") : "";
  const text = renderMacros(body, values);
  return (
    <div className="min-h-32 rounded-lg border border-slate-200 bg-white px-3 py-2">
      {body.trim() ? <MarkdownBody text={signature ? `${text}\n\n${signature}` : text} /> : <p className="text-sm text-slate-400">{t("nothingToPreview")}</p>}
    </div>
  );
}

/** Which canned reply was used and the tags it will add, which the agent may decline. */
export function CannedNote({ title, tags, onDropTags }: { title: string | null; tags: string[]; onDropTags: () => void }) {
  const t = useTranslations("ticket.composer");
  if (!title && tags.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
      {title ? <span>{t("usedCanned", { title })}</span> : null}
      {tags.length > 0 ? (
        <>
          <span>{t("addsTags")}</span>
          {tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
          <Button variant="link" size="sm" className="h-auto text-xs" onClick={onDropTags}>
            {t("dontAddTags")}
          </Button>
        </>
      ) : null}
    </div>
  );
}

/** The ticket's status once the message is sent: kept, or one of the statuses. */
export function StatusAfterSelect({ id, current, value, onChange }: { id: string; current: Status; value: StatusChoice; onChange: (value: StatusChoice) => void }) {
  const t = useTranslations("ticket.composer");
  const tStatus = useTranslations("ticket.status");
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm whitespace-nowrap text-slate-600">
        {t("statusAfter")}
      </label>
      <NativeSelect id={id} wrapperClassName="w-auto" className="h-8" value={value} onChange={(e) => onChange(e.target.value as StatusChoice)}>
        <option value="keep">{t("keepStatus", { status: tStatus(current) })}</option>
        <Options items={statuses} label={(status) => tStatus(status)} />
      </NativeSelect>
    </div>
  );
}
