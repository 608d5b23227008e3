"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { useTRPC } from "@/trpc/react";
import { SideCard } from "./article-fields";
import type { KbArticleDetails } from "./shared";

/** A saved article's status and dates, with Unpublish and Delete (which asks first). */
export function ArticlePublishing({
  desk,
  article,
  timeZone,
  statusPending,
  busy,
  onUnpublish,
  onDeleted,
}: {
  desk: string;
  article: KbArticleDetails["article"];
  timeZone: string;
  /** A publish or unpublish is on its way. */
  statusPending: boolean;
  busy: boolean;
  onUnpublish: () => void;
  /** The article is deleted; the page then moves to the article list. */
  onDeleted: () => void;
}) {
  const t = useTranslations("kb.editor");
  const format = useFormatter();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.kb.deleteArticle.mutationOptions());
  const published = article.status === "published";

  const deletion = useConfirmation(async () => {
    await remove.mutateAsync({ desk, id: article.id });
    onDeleted();
    await queryClient.invalidateQueries({ queryKey: trpc.kb.pathKey() });
    router.push(`/d/${desk}/kb`);
  });

  return (
    <>
      <SideCard title={t("publishing")}>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-slate-500">{t("statusLabel")}</dt>
          <dd className="text-slate-900">{t(`status.${article.status}`)}</dd>
          {article.publishedAt ? (
            <>
              <dt className="text-slate-500">{t("publishedAt")}</dt>
              <dd className="text-slate-900">{format.dateTime(article.publishedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">{t("updatedAt")}</dt>
          <dd className="text-slate-900">{format.dateTime(article.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-600">{published ? t("publishedHint") : t("draftHint")}</p>
        <div className="mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-4">
          {published ? (
            <Button type="button" variant="secondary" size="sm" loading={statusPending} disabled={busy} onClick={onUnpublish}>
              {t("unpublish")}
            </Button>
          ) : null}
          <Button
            type="button"
            variant="dangerGhost"
            size="sm"
            onClick={() => deletion.ask(true)}
          >
            {t("delete")}
          </Button>
        </div>
      </SideCard>
      <ConfirmDialog
        {...deletion.dialog}
        variant="danger"
        title={t("deleteTitle", { title: article.title })}
        description={published ? t("deletePublished") : t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
      />
    </>
  );
}
