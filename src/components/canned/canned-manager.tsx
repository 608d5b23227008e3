"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import type { CannedReply } from "@/components/ticket/shared";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import { CannedFormDialog, type CannedFormTarget } from "./canned-form-dialog";
import { groupByFolder, matches } from "./grouping";
import { MacroHint } from "./macro-hint";

/** The canned replies the viewer can use, by folder: their own, and the desk's shared ones. */
export function CannedManager({ desk, canShare, nested = false }: { desk: string; canShare: boolean; /** Inside a section with its own h2: folders become h3. */ nested?: boolean }) {
  const FolderHeading = nested ? "h3" : "h2";
  const ReplyHeading = nested ? "h4" : "h3";
  const t = useTranslations("ticket.canned.manager");
  const tStatus = useTranslations("ticket.status");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.canned.list.queryOptions({ desk }));
  const remove = useMutation(trpc.canned.delete.mutationOptions());
  const [filter, setFilter] = useState("");
  const [target, setTarget] = useState<CannedFormTarget | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const groups = useMemo(() => groupByFolder((list.data ?? []).filter((reply) => matches(reply, filter))), [list.data, filter]);
  const folders = useMemo(() => [...new Set((list.data ?? []).map((r) => r.folder).filter(Boolean))].sort(), [list.data]);

  const deletion = useConfirmation(async (reply: CannedReply) => {
    await remove.mutateAsync({ desk, id: reply.id });
    await queryClient.invalidateQueries({ queryKey: trpc.canned.list.queryKey() });
    setSaved(t("deleted", { title: reply.title }));
  });

  const add = (
    <Button
      onClick={() => {
        setSaved(null);
        setTarget({ mode: "add" });
      }}
    >
      {t("add")}
    </Button>
  );

  const content = (
    <QueryState
      query={list}
      loading={<ListSkeleton label={t("loading")} rowClassName="h-16 w-full" />}
      errorMessage={t("loadFailed")}
      isEmpty={(replies) => replies.length === 0 || groups.length === 0}
      empty={
        list.data?.length === 0 ? (
          <EmptyState title={t("empty")} description={canShare ? t("emptyDescriptionAdmin") : t("emptyDescription")} action={add} />
        ) : (
          <EmptyState
            title={t("noMatch")}
            action={
              <Button variant="secondary" onClick={() => setFilter("")}>
                {t("clearFilter")}
              </Button>
            }
          />
        )
      }
    >
      {() => {
        return (
          <div className="flex flex-col gap-6">
            {groups.map((group) => (
              <section key={group.folder} aria-label={group.folder || t("noFolder")}>
                <FolderHeading className="mb-2 text-sm font-semibold text-slate-700">
                  {group.folder || t("noFolder")} <span className="font-normal text-slate-400">· {group.replies.length}</span>
                </FolderHeading>
                <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
                  {group.replies.map((reply) => (
                    <li key={reply.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start" data-testid="canned-reply">
                      <div className="min-w-0 flex-1">
                        <div className="flex flex-wrap items-center gap-2">
                          <ReplyHeading className="text-sm font-semibold text-slate-900">{reply.title}</ReplyHeading>
                          <Badge variant={reply.shared ? "brand" : "neutral"}>{reply.shared ? t("shared") : t("personal")}</Badge>
                          {reply.setStatus ? <Badge variant="info">{t("setsStatus", { status: tStatus(reply.setStatus) })}</Badge> : null}
                          {reply.addTags.map((tag) => (
                            <Badge key={tag}>{`+ ${tag}`}</Badge>
                          ))}
                        </div>
                        <p className="mt-1 line-clamp-2 text-sm text-slate-600">{reply.body.replace(/\s+/g, " ")}</p>
                      </div>
                      {reply.editable ? (
                        <div className="flex shrink-0 gap-1">
                          <Button
                            variant="ghost"
                            size="sm"
                            aria-label={t("editLabel", { title: reply.title })}
                            onClick={() => {
                              setSaved(null);
                              setTarget({ mode: "edit", reply });
                            }}
                          >
                            {t("edit")}
                          </Button>
                          <Button
                            variant="dangerGhost"
                            size="sm"
                            aria-label={t("deleteLabel", { title: reply.title })}
                            onClick={() => {
                              setSaved(null);
                              deletion.ask(reply);
                            }}
                          >
                            {t("delete")}
                          </Button>
                        </div>
                      ) : (
                        <span className="shrink-0 text-xs text-slate-400">{t("readOnly")}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        );
      }}
    </QueryState>
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="w-full sm:max-w-xs">
          <label htmlFor="canned-filter" className="sr-only">
            {t("filter")}
          </label>
          <Input id="canned-filter" type="search" placeholder={t("filter")} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        {list.data && list.data.length > 0 ? add : null}
      </div>
      <MacroHint className="rounded-lg border border-slate-200 bg-white px-3 py-2" />
      {saved ? (
        <Alert variant="success" action={<Button variant="ghost" size="sm" onClick={() => setSaved(null)}>{t("dismiss")}</Button>}>
          {saved}
        </Alert>
      ) : null}
      {content}
      <CannedFormDialog desk={desk} target={target} canShare={canShare} folders={folders} onClose={() => setTarget(null)} onSaved={setSaved} />
      <ConfirmDialog
        {...deletion.dialog}
        title={t("deleteTitle", { title: deletion.target?.title ?? "" })}
        description={deletion.target?.shared ? t("deleteSharedDescription") : t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        variant="danger"
      />
    </div>
  );
}
