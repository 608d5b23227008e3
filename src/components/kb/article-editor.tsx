"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { callError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { DismissibleNotice } from "@/components/ui/notices";
import { useTRPC } from "@/trpc/react";
import { ArticleStatusMeta, EditorHeader, MainFields, SettingsFields, SideCard } from "./article-fields";
import { focusFirstProblem, payload, serverErrors, useDraft, useEditorKeys, validate, valuesOf, type Errors } from "./article-form";
import { ArticlePublishing } from "./article-publishing";
import { NewArticle } from "./new-article";
import { ArticleStats } from "./article-stats";
import { ReadOnlyArticle } from "./read-only-article";
import { RevisionHistory } from "./revision-history";
import { type ArticleLanguage, type KbArticleDetails } from "./shared";
import { useEditorNames, type EditorViewer } from "./use-editor-names";

export type { EditorViewer };

type Notice = { variant: "success" | "error"; text: string } | null;

/** What the page just did before sending the editor here (a new article saved, published). */
export type ArrivalNotice = "created" | "published" | null;

type Props = {
  desk: string;
  /** "https://…/help/DESK/articles/" — the slug completes it. */
  publicBase: string;
  timeZone: string;
  canEdit: boolean;
  viewer: EditorViewer;
  /** The desk's customer language, for a new article. */
  defaultLanguage: ArticleLanguage;
  initial: KbArticleDetails | null;
  arrival?: ArrivalNotice;
};

/** A knowledge-base article: a new one, or an existing one with its publishing, statistics and history. */
export function ArticleEditor(props: Props) {
  if (!props.initial) return <NewArticle {...props} />;
  if (!props.canEdit) return <ReadOnlyArticle {...props} initial={props.initial} />;
  return <ExistingArticle {...props} initial={props.initial} />;
}

function ExistingArticle({ desk, publicBase, timeZone, viewer, initial, arrival }: Props & { initial: KbArticleDetails }) {
  const t = useTranslations("kb.editor");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const id = initial.article.id;
  const [gone, setGone] = useState(false);
  const details = useQuery(trpc.kb.article.queryOptions({ desk, id }, { initialData: initial, enabled: !gone }));
  const data = details.data ?? initial;
  const article = data.article;
  const update = useMutation(trpc.kb.updateArticle.mutationOptions());
  const setStatus = useMutation(trpc.kb.setStatus.mutationOptions());
  const draft = useDraft(valuesOf(initial.article));
  const { values, dirty } = draft;
  const [version, setVersion] = useState(initial.article.version);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [reloading, setReloading] = useState(false);
  const [notice, setNotice] = useState<Notice>(
    arrival === "published" ? { variant: "success", text: t("arrivedPublished") } : arrival === "created" ? { variant: "success", text: t("arrivedCreated") } : null,
  );
  const statusFailure = useCallFailure();
  const names = useEditorNames(desk, viewer);
  const published = article.status === "published";
  const busy = update.isPending || setStatus.isPending;

  // The "?saved=…" of the arrival has been shown: a reload should not show it again.
  useEffect(() => {
    if (arrival) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [arrival]);

  const refresh = () => Promise.all([details.refetch(), queryClient.invalidateQueries({ queryKey: trpc.kb.articles.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.kb.categories.queryKey() })]);

  async function save(): Promise<boolean> {
    if (busy || reloading) return false;
    setFormError(null);
    statusFailure.set(null);
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstProblem(form.current);
      return false;
    }
    const sent = values;
    try {
      const row = await update.mutateAsync({ desk, id, ...payload(sent), expectedVersion: version });
      setVersion(row.version);
      setConflict(null);
      draft.saved(sent, valuesOf(row));
      setNotice({ variant: "success", text: t("saved", { version: row.version }) });
      await refresh();
      return true;
    } catch (error) {
      const message = callError(error);
      if (message?.key === "kb.changedSinceLoaded") {
        // The editor keeps the text; saving stays refused until they load the newer version.
        setNotice(null);
        setConflict(Number(message.params?.version ?? version + 1));
        return false;
      }
      const fields = serverErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(message);
      else focusFirstProblem(form.current);
      return false;
    }
  }

  async function loadLatest() {
    setReloading(true);
    try {
      const fresh = await details.refetch();
      if (fresh.data) {
        draft.reset(valuesOf(fresh.data.article));
        setVersion(fresh.data.article.version);
        setConflict(null);
        setErrors({});
        setNotice({ variant: "success", text: t("reloaded", { version: fresh.data.article.version }) });
      }
    } finally {
      setReloading(false);
    }
  }

  async function changeStatus(status: "draft" | "published") {
    statusFailure.set(null);
    if (status === "published" && dirty && !(await save())) return;
    await statusFailure.run(async () => {
      await setStatus.mutateAsync({ desk, id, status });
      setNotice({ variant: "success", text: status === "published" ? t("publishedNotice") : t("unpublishedNotice") });
      await refresh();
    });
  }

  useEditorKeys(dirty, () => void save());

  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      className="flex flex-col gap-6"
    >
      <EditorHeader
        title={article.title}
        meta={<ArticleStatusMeta status={article.status} version={version} />}
      >
        <span role="status" className="text-sm text-slate-500">
          {dirty ? t("unsaved") : t("allSaved")}
        </span>
        {published ? (
          <a href={data.url} target="_blank" rel="noopener" className={buttonClassName({ variant: "ghost" })}>
            {t("viewPublic")}
            <span className="sr-only">{t("newTab")}</span>
            <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
              <path d="M9 3h4v4M13 3 7.5 8.5M11.5 9.5V13h-8V4.5H7" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </a>
        ) : null}
        <Button type="submit" variant={published ? "primary" : "secondary"} loading={update.isPending && !setStatus.isPending} disabled={busy || reloading || conflict !== null} aria-keyshortcuts="Control+S Meta+S">
          {t("save")}
        </Button>
        {published ? null : (
          <Button type="button" loading={setStatus.isPending} disabled={busy || reloading || conflict !== null} onClick={() => void changeStatus("published")}>
            {dirty ? t("saveAndPublish") : t("publish")}
          </Button>
        )}
      </EditorHeader>

      <DismissibleNotice notice={notice} onClose={() => setNotice(null)} />
      {conflict !== null ? (
        <Alert
          variant="warning"
          title={t("conflictTitle")}
          action={
            <Button type="button" variant="secondary" size="sm" loading={reloading} onClick={() => void loadLatest()}>
              {t("conflictLoad", { version: conflict })}
            </Button>
          }
        >
          {errorText({ key: "kb.changedSinceLoaded", params: { version: conflict } })}
        </Alert>
      ) : null}
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      {statusFailure.message ? <Alert variant="error">{statusFailure.message}</Alert> : null}

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <MainFields
          desk={desk}
          publicBase={publicBase}
          values={values}
          errors={errors}
          published={published}
          autoSlug={false}
          slugWarning={published && values.slug.trim() !== article.slug ? t("slugChanged") : undefined}
          onChange={draft.set}
        />
        <div className="flex flex-col gap-6">
          <ArticlePublishing
            desk={desk}
            article={article}
            timeZone={timeZone}
            statusPending={setStatus.isPending}
            busy={busy}
            onUnpublish={() => void changeStatus("draft")}
            onDeleted={() => {
              // This page's own query would only find the article gone: it stops asking.
              setGone(true);
              draft.reset(values);
            }}
          />
          <SideCard title={t("settings")}>
            <SettingsFields desk={desk} selfId={id} values={values} errors={errors} known={data.related} onChange={draft.set} />
          </SideCard>
          <SideCard title={t("statistics")}>
            <ArticleStats stats={data.stats} />
          </SideCard>
          <SideCard title={t("historyTitle")}>
            <RevisionHistory
              desk={desk}
              articleId={id}
              revisions={data.revisions}
              currentVersion={article.version}
              published={published}
              canEdit
              dirty={dirty}
              timeZone={timeZone}
              names={names}
              onRestored={async (from, to) => {
                const fresh = await details.refetch();
                if (fresh.data) {
                  draft.reset(valuesOf(fresh.data.article));
                  setVersion(fresh.data.article.version);
                }
                setConflict(null);
                setErrors({});
                setNotice({ variant: "success", text: t("restored", { from, to }) });
                await queryClient.invalidateQueries({ queryKey: trpc.kb.articles.queryKey() });
              }}
            />
          </SideCard>
        </div>
      </div>
    </form>
  );
}
