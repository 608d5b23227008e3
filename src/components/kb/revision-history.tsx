"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { SegmentedChoice } from "@/components/ui/segmented-tabs";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";
import { ArticlePreview } from "./markdown-editor";
import type { KbArticleDetails } from "./shared";

type Revision = KbArticleDetails["revisions"][number];

/** Versions listed before "Show all". */
const historyPreview = 6;

/** Every saved version, newest first: look at one, or bring it back as a new version. */
export function RevisionHistory({
  desk,
  articleId,
  revisions,
  currentVersion,
  published,
  canEdit,
  dirty,
  timeZone,
  names,
  onRestored,
}: {
  desk: string;
  articleId: string;
  revisions: Revision[];
  currentVersion: number;
  published: boolean;
  canEdit: boolean;
  /** The editor holds unsaved changes (a restore replaces them). */
  dirty: boolean;
  timeZone: string;
  /** Who edited, by membership, where the viewer may know. */
  names: ReadonlyMap<string, string>;
  onRestored: (from: number, to: number) => Promise<void>;
}) {
  const t = useTranslations("kb.editor.history");
  const format = useFormatter();
  const trpc = useTRPC();
  const restore = useMutation(trpc.kb.restore.mutationOptions());
  const [viewing, setViewing] = useState<Revision | null>(null);
  const [restoring, setRestoring] = useState<Revision | null>(null);
  const restoreFailure = useCallFailure();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? revisions : revisions.slice(0, historyPreview);
  const currentTitle = revisions.find((r) => r.version === currentVersion)?.title;

  async function confirmRestore() {
    if (!restoring) return;
    await restoreFailure.run(async () => {
      const row = await restore.mutateAsync({ desk, id: articleId, revisionId: restoring.id });
      setRestoring(null);
      setViewing(null);
      await onRestored(restoring.version, row.version);
    });
  }

  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  const askRestore = (revision: Revision) => {
    restoreFailure.set(null);
    setRestoring(revision);
  };

  return (
    <>
      <ol className="flex flex-col divide-y divide-slate-100" aria-label={t("label")}>
        {shown.map((revision) => {
          const current = revision.version === currentVersion;
          const editor = revision.editedByMembershipId ? names.get(revision.editedByMembershipId) : undefined;
          return (
            <li key={revision.id} className="flex items-start gap-2 py-2 first:pt-0 last:pb-0" data-testid="kb-revision">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-1.5 text-sm font-medium text-slate-900">
                  {t("version", { version: revision.version })}
                  {current ? <Badge variant="brand">{t("current")}</Badge> : null}
                </p>
                <p className="text-xs text-slate-500">
                  <time dateTime={revision.createdAt.toISOString()}>{when(revision.createdAt)}</time>
                  {editor ? ` · ${editor}` : null}
                </p>
                {revision.title !== currentTitle ? (
                  <p className="truncate text-xs text-slate-500" title={revision.title}>
                    {t("titleWas", { title: revision.title })}
                  </p>
                ) : null}
              </div>
              <div className="flex shrink-0 gap-0.5">
                <Button type="button" variant="ghost" size="sm" className="px-2" aria-label={t("viewLabel", { version: revision.version })} onClick={() => setViewing(revision)}>
                  {t("view")}
                </Button>
                {canEdit && !current ? (
                  <Button type="button" variant="ghost" size="sm" className="px-2" aria-label={t("restoreLabel", { version: revision.version })} onClick={() => askRestore(revision)}>
                    {t("restore")}
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {revisions.length > historyPreview ? (
        <Button type="button" variant="link" size="sm" className="mt-2" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? t("showFewer") : t("showAll", { count: revisions.length })}
        </Button>
      ) : null}
      <Dialog open={viewing !== null} onOpenChange={(open) => (open ? undefined : setViewing(null))}>
        <DialogContent size="xl">
          {viewing ? (
            <RevisionView
              desk={desk}
              articleId={articleId}
              revision={viewing}
              published={published}
              when={when(viewing.createdAt)}
              current={viewing.version === currentVersion}
              canRestore={canEdit && viewing.version !== currentVersion}
              onRestore={() => askRestore(viewing)}
            />
          ) : null}
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={restoring !== null}
        onOpenChange={(open) => (open ? undefined : setRestoring(null))}
        title={t("restoreTitle", { version: restoring?.version ?? 0 })}
        description={dirty ? t("restoreDirty", { version: currentVersion + 1 }) : t("restoreDescription", { version: currentVersion + 1 })}
        confirmLabel={t("restoreConfirm")}
        pending={restore.isPending}
        error={restoreFailure.message ?? null}
        onConfirm={() => void confirmRestore()}
      />
    </>
  );
}

function RevisionView({
  desk,
  articleId,
  revision,
  published,
  when,
  current,
  canRestore,
  onRestore,
}: {
  desk: string;
  articleId: string;
  revision: Revision;
  published: boolean;
  when: string;
  current: boolean;
  canRestore: boolean;
  onRestore: () => void;
}) {
  const t = useTranslations("kb.editor.history");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const text = useQuery(trpc.kb.revision.queryOptions({ desk, id: articleId, revisionId: revision.id }));
  const [as, setAs] = useState<"formatted" | "markdown">("formatted");
  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("viewTitle", { version: revision.version })}</DialogTitle>
        <DialogDescription>{current ? t("viewCurrent", { when }) : t("viewDescription", { when })}</DialogDescription>
      </DialogHeader>
      <QueryState
        query={text}
        loading={<ListSkeleton rows={3} row={(i) => <Skeleton className={["h-6 w-2/3", "h-4 w-full", "h-40 w-full"][i]} />} />}
        errorMessage={t("loadFailed")}
      >
        {(revisionText) => (
          <div className="flex flex-col gap-3">
            <div>
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("titleLabel")}</p>
              <p className="text-base font-semibold text-slate-900">{revisionText.title}</p>
            </div>
            <div>
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("summaryLabel")}</p>
              <p className="text-sm whitespace-pre-wrap text-slate-700">{revisionText.summary || <span className="text-slate-400">{t("noSummary")}</span>}</p>
            </div>
            <div className="flex items-center justify-between gap-2">
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("bodyLabel")}</p>
              <SegmentedChoice label={t("showAs")} values={["formatted", "markdown"] as const} value={as} onChange={setAs} labelOf={(value) => t(value)} size="px-2.5 py-0.5 text-xs" />
            </div>
            {as === "formatted" ? (
              <ArticlePreview desk={desk} body={revisionText.body} published={published} />
            ) : (
              <pre className="max-h-[50vh] overflow-auto rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 font-mono text-[13px] leading-relaxed whitespace-pre-wrap text-slate-800">
                {revisionText.body}
              </pre>
            )}
          </div>
        )}
      </QueryState>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {tCommon("close")}
          </Button>
        </DialogClose>
        {canRestore ? (
          <Button type="button" onClick={onRestore}>
            {t("restoreThis")}
          </Button>
        ) : null}
      </DialogFooter>
    </>
  );
}
