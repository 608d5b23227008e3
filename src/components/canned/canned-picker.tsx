"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ListboxPicker } from "@/components/ui/listbox-picker";
import { ManageLink, PickerDialog, PickerEmpty, PickerFooter, type PickerProps } from "@/components/ui/picker-dialog";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import type { CannedReply } from "@/components/ticket/shared";
import { groupByFolder, matches } from "./grouping";

/**
 * Choose a canned reply: type to filter (title, folder or text), arrows to move, Enter to insert.
 * Grouped by folder, with the highlighted reply shown in full before it is chosen.
 */
export function CannedPicker({ desk, ...dialog }: PickerProps<CannedReply>) {
  const t = useTranslations("ticket.canned.picker");
  return (
    <PickerDialog {...dialog} size="lg" title={t("title")} description={t("description")}>
      {(choose) => <CannedList desk={desk} onChoose={choose} />}
    </PickerDialog>
  );
}

function CannedList({ desk, onChoose }: { desk: string; onChoose: (reply: CannedReply) => void }) {
  const t = useTranslations("ticket.canned.picker");
  const trpc = useTRPC();
  // Fresh each time it opens: replies may have been edited in another tab.
  const replies = useQuery(trpc.canned.list.queryOptions({ desk }, { staleTime: 0 }));
  const manage = <ManageLink href={`/d/${desk}/canned`} label={t("manage")} newTab={t("newTab")} />;
  const tStatus = useTranslations("ticket.status");
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => groupByFolder((replies.data ?? []).filter((reply) => matches(reply, filter))), [replies.data, filter]);
  const flat = useMemo(() => groups.flatMap((group) => group.replies), [groups]);

  return (
    <>
      <ListboxPicker
        items={flat}
        groups={groups.map((group) => ({ key: group.folder, label: group.folder || t("noFolder"), items: group.replies }))}
        filter={filter}
        onFilterChange={setFilter}
        onChoose={onChoose}
        searchLabel={t("search")}
        listLabel={t("label")}
        noMatch={t("noMatch")}
        autoFocus
        optionClassName={(active) => (active ? "items-center gap-2 bg-brand-50 text-brand-800" : "items-center gap-2 text-slate-800")}
        renderOption={(reply) => (
          <>
            <span className="min-w-0 flex-1 truncate">{reply.title}</span>
            {!reply.shared ? <span className="shrink-0 text-[11px] text-slate-500">{t("personal")}</span> : null}
          </>
        )}
        wrapList={(picker) => (
          <QueryState
            query={replies}
            loading={<ListSkeleton label={t("loading")} />}
            errorMessage={t("loadFailed")}
            isEmpty={(all) => all.length === 0}
            empty={<PickerEmpty title={t("empty")} description={t("emptyDescription")} action={manage} />}
          >
            {() => picker}
          </QueryState>
        )}
        aside={(current) => (
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
        )}
      />
      <PickerFooter keys={t("keys")} manage={replies.data && replies.data.length > 0 ? manage : null} />
    </>
  );
}
