"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import type { CannedReply } from "@/components/ticket/shared";
import { groupByFolder, matches } from "./grouping";
import { useListbox } from "@/components/ui/use-listbox";

/**
 * Choose a canned reply: type to filter (title, folder or text), arrows to move, Enter to insert.
 * Grouped by folder, with the highlighted reply shown in full before it is chosen.
 */
export function CannedPicker({
  desk,
  open,
  onOpenChange,
  onChoose,
}: {
  desk: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChoose: (reply: CannedReply) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg" className="gap-3">
        {open ? (
          <PickerBody
            desk={desk}
            onChoose={(reply) => {
              onOpenChange(false);
              onChoose(reply);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function PickerBody({ desk, onChoose }: { desk: string; onChoose: (reply: CannedReply) => void }) {
  const t = useTranslations("ticket.canned.picker");
  const tStatus = useTranslations("ticket.status");
  const trpc = useTRPC();
  const ids = useId();
  // Fresh each time it opens: replies may have been edited in another tab.
  const list = useQuery(trpc.canned.list.queryOptions({ desk }, { staleTime: 0 }));
  const [filter, setFilter] = useState("");

  const groups = useMemo(() => groupByFolder((list.data ?? []).filter((reply) => matches(reply, filter))), [list.data, filter]);
  const flat = useMemo(() => groups.flatMap((group) => group.replies), [groups]);
  const { current, setActive, optionId, onKeyDown } = useListbox(flat, ids, onChoose);

  const manage = (
    <a href={`/d/${desk}/canned`} target="_blank" rel="noopener" className="text-sm font-medium text-brand-700 hover:underline">
      {t("manage")}
      <span className="sr-only"> {t("newTab")}</span>
    </a>
  );

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogDescription>{t("description")}</DialogDescription>
      </DialogHeader>
      <input
        role="combobox"
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        aria-label={t("search")}
        placeholder={t("search")}
        autoComplete="off"
        autoFocus
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="h-9 w-full rounded-lg border border-slate-300 px-3 text-sm shadow-xs placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500"
      />
      {list.isPending ? (
        <div className="flex flex-col gap-2" aria-busy="true">
          <span className="sr-only">{t("loading")}</span>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-9 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <Alert variant="error" action={<Button variant="secondary" size="sm" onClick={() => void list.refetch()}>{t("retry")}</Button>}>
          {t("loadFailed")}
        </Alert>
      ) : list.data.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center">
          <p className="text-sm font-medium text-slate-900">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("emptyDescription")}</p>
          <div className="mt-3">{manage}</div>
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <ul role="listbox" id={`${ids}-list`} aria-label={t("label")} className="max-h-80 overflow-y-auto rounded-lg border border-slate-200 p-1">
            {groups.map((group, g) => (
              <li key={group.folder} role="presentation">
                <div id={`${ids}-group-${g}`} className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
                  {group.folder || t("noFolder")}
                </div>
                <ul role="group" aria-labelledby={`${ids}-group-${g}`}>
                  {group.replies.map((reply) => {
                    const selected = reply.id === current?.id;
                    return (
                      <li
                        key={reply.id}
                        id={optionId(reply)}
                        role="option"
                        aria-selected={selected}
                        onMouseMove={() => setActive(flat.indexOf(reply))}
                        onClick={() => onChoose(reply)}
                        className={cn("flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm", selected ? "bg-brand-50 text-brand-800" : "text-slate-800")}
                      >
                        <span className="min-w-0 flex-1 truncate">{reply.title}</span>
                        {!reply.shared ? <span className="shrink-0 text-[11px] text-slate-500">{t("personal")}</span> : null}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
            {flat.length === 0 ? <li className="px-2 py-3 text-sm text-slate-500">{t("noMatch")}</li> : null}
          </ul>
          <div className="hidden min-h-40 flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:flex" aria-hidden="true">
            {current ? (
              <>
                <p className="text-sm font-semibold text-slate-900">{current.title}</p>
                <p className="max-h-56 overflow-y-auto text-sm whitespace-pre-wrap text-slate-700">{current.body}</p>
                {current.setStatus || current.addTags.length > 0 ? (
                  <div className="mt-auto flex flex-wrap gap-1.5 border-t border-slate-200 pt-2">
                    {current.setStatus ? <Badge variant="info">{t("setsStatus", { status: tStatus(current.setStatus) })}</Badge> : null}
                    {current.addTags.map((tag) => (
                      <Badge key={tag}>{`+ ${tag}`}</Badge>
                    ))}
                  </div>
                ) : null}
              </>
            ) : null}
          </div>
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3">
        <p className="text-xs text-slate-500">{t("keys")}</p>
        {list.data && list.data.length > 0 ? manage : null}
      </div>
    </>
  );
}
