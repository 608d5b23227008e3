"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError, fieldError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { DismissibleNotice } from "@/components/ui/notices";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { ArticleStats } from "./article-stats";
import { ArticlePreview, MarkdownEditor } from "./markdown-editor";
import { RelatedPicker } from "./related-picker";
import { RevisionHistory } from "./revision-history";
import {
  articleLanguages,
  categoryLabel,
  slugify,
  slugMax,
  slugPattern,
  summaryMax,
  titleMax,
  type ArticleLanguage,
  type KbArticleDetails,
  type KbCategory,
} from "./shared";

type Values = {
  title: string;
  slug: string;
  summary: string;
  body: string;
  categoryId: string;
  language: ArticleLanguage;
  featured: boolean;
  relatedIds: string[];
};
type FieldName = "title" | "slug" | "summary" | "body" | "categoryId" | "language" | "relatedIds";
type Errors = Partial<Record<FieldName, string>>;
type Notice = { variant: "success" | "error"; text: string } | null;

const fieldNames: readonly FieldName[] = ["title", "slug", "summary", "body", "categoryId", "language", "relatedIds"];

export type EditorViewer = { membershipId: string; name: string; role: "owner" | "admin" | "agent" };
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

type ArticleFields = Pick<KbArticleDetails["article"], "title" | "slug" | "summary" | "body" | "categoryId" | "language" | "featured" | "relatedIds">;

function valuesOf(article: ArticleFields): Values {
  return {
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    body: article.body,
    categoryId: article.categoryId ?? "",
    language: article.language,
    featured: article.featured,
    relatedIds: article.relatedIds,
  };
}

const sameValues = (a: Values, b: Values) => JSON.stringify(a) === JSON.stringify(b);

function validate(values: Values): Errors {
  const errors: Errors = {};
  if (!values.title.trim()) errors.title = "kb.titleRequired";
  else if (values.title.trim().length > titleMax) errors.title = "kb.titleTooLong";
  const slug = values.slug.trim().toLowerCase();
  if (slug && !slugPattern.test(slug)) errors.slug = "kb.slugInvalid";
  if (values.summary.trim().length > summaryMax) errors.summary = "kb.summaryTooLong";
  if (!values.body.trim()) errors.body = "kb.bodyRequired";
  return errors;
}

function payload(values: Values) {
  return {
    title: values.title.trim(),
    slug: values.slug.trim().toLowerCase() || undefined,
    summary: values.summary.trim(),
    body: values.body,
    categoryId: values.categoryId || null,
    featured: values.featured,
    language: values.language,
    relatedIds: values.relatedIds,
  };
}

/** The server's field errors on this form; none means the message belongs to the form as a whole. */
function serverErrors(error: unknown): Errors {
  const errors: Errors = {};
  for (const name of fieldNames) {
    const message = fieldError(error, name);
    if (message) errors[name] = message;
  }
  return errors;
}

/** The form's values against the last saved ones. */
function useDraft(initial: Values) {
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState(initial);
  return {
    values,
    dirty: !sameValues(values, saved),
    set: (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch })),
    reset: (next: Values) => {
      setSaved(next);
      setValues(next);
    },
    /** Saved as `sent`, the server answered `stored`: keep anything typed meanwhile, take the server's slug. */
    saved: (sent: Values, stored: Values) => {
      setSaved(stored);
      setValues((current) => (sameValues(current, sent) ? stored : { ...current, slug: current.slug === sent.slug ? stored.slug : current.slug }));
    },
  };
}

/** Leaving the page with unsaved text asks first; Ctrl/Cmd+S saves. */
function useEditorKeys(dirty: boolean, save: () => void) {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (!dirty) return;
    const onLeave = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [dirty]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveRef.current();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

/** Puts the focus on the first field the last save found wrong. */
function focusFirstProblem(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
}

/** A knowledge-base article: a new one, or an existing one with its publishing, statistics and history. */
export function ArticleEditor(props: Props) {
  if (!props.initial) return <NewArticle {...props} />;
  if (!props.canEdit) return <ReadOnlyArticle {...props} initial={props.initial} />;
  return <ExistingArticle {...props} initial={props.initial} />;
}

function NewArticle({ desk, publicBase, defaultLanguage }: Props) {
  const t = useTranslations("kb.editor");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const create = useMutation(trpc.kb.createArticle.mutationOptions());
  const setStatus = useMutation(trpc.kb.setStatus.mutationOptions());
  const draft = useDraft({ title: "", slug: "", summary: "", body: "", categoryId: "", language: defaultLanguage, featured: false, relatedIds: [] });
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const [intent, setIntent] = useState<"draft" | "publish" | null>(null);
  const values = slugTouched ? draft.values : { ...draft.values, slug: slugify(draft.values.title) };

  async function submit(publish: boolean) {
    if (intent) return;
    setFormError(null);
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstProblem(form.current);
    setIntent(publish ? "publish" : "draft");
    try {
      const row = await create.mutateAsync({ desk, ...payload(values) });
      let published = false;
      if (publish) {
        try {
          await setStatus.mutateAsync({ desk, id: row.id, status: "published" });
          published = true;
        } catch {
          // Saved as a draft all the same: the editor's page says so and offers Publish again.
        }
      }
      // Nothing left to lose: the next page has the article.
      draft.reset(values);
      await queryClient.invalidateQueries({ queryKey: trpc.kb.pathKey() });
      router.push(`/d/${desk}/kb/${row.id}?saved=${published ? "published" : "created"}`);
    } catch (error) {
      const fields = serverErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(callError(error));
      else focusFirstProblem(form.current);
      setIntent(null);
    }
  }

  useEditorKeys(draft.dirty, () => void submit(false));

  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
      className="flex flex-col gap-6"
    >
      <EditorHeader title={t("newTitle")}>
        <Button type="submit" variant="secondary" loading={intent === "draft"} disabled={intent !== null} aria-keyshortcuts="Control+S Meta+S">
          {t("saveDraft")}
        </Button>
        <Button type="button" loading={intent === "publish"} disabled={intent !== null} onClick={() => void submit(true)}>
          {t("publish")}
        </Button>
      </EditorHeader>
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <MainFields
          desk={desk}
          publicBase={publicBase}
          values={values}
          errors={errors}
          published={false}
          autoSlug={!slugTouched}
          onChange={(patch) => {
            if (patch.slug !== undefined) setSlugTouched(true);
            draft.set(patch);
          }}
        />
        <div className="flex flex-col gap-6">
          <SideCard title={t("settings")}>
            <SettingsFields desk={desk} selfId={null} values={values} errors={errors} known={[]} onChange={draft.set} />
          </SideCard>
          <p className="text-sm text-slate-500">{t("newHint")}</p>
        </div>
      </div>
    </form>
  );
}

function ExistingArticle({ desk, publicBase, timeZone, viewer, initial, arrival }: Props & { initial: KbArticleDetails }) {
  const t = useTranslations("kb.editor");
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
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
  const remove = useMutation(trpc.kb.deleteArticle.mutationOptions());
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
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<ErrorMessage>(null);
  const [statusError, setStatusError] = useState<ErrorMessage>(null);
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
    setStatusError(null);
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
    setStatusError(null);
    if (status === "published" && dirty && !(await save())) return;
    try {
      await setStatus.mutateAsync({ desk, id, status });
      setNotice({ variant: "success", text: status === "published" ? t("publishedNotice") : t("unpublishedNotice") });
      await refresh();
    } catch (error) {
      setStatusError(callError(error));
    }
  }

  async function confirmDelete() {
    setDeleteError(null);
    try {
      await remove.mutateAsync({ desk, id });
      // This page's own query would only find the article gone: it stops asking.
      setGone(true);
      draft.reset(values);
      await queryClient.invalidateQueries({ queryKey: trpc.kb.pathKey() });
      router.push(`/d/${desk}/kb`);
    } catch (error) {
      setDeleteError(callError(error));
    }
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
        meta={
          <>
            <Badge variant={published ? "success" : "neutral"} dot>
              {t(`status.${article.status}`)}
            </Badge>
            <span>{t("versionLine", { version })}</span>
          </>
        }
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
      {statusError ? <Alert variant="error">{errorText(statusError)}</Alert> : null}

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
                <Button type="button" variant="secondary" size="sm" loading={setStatus.isPending} disabled={busy} onClick={() => void changeStatus("draft")}>
                  {t("unpublish")}
                </Button>
              ) : null}
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="text-red-700 hover:bg-red-50 hover:text-red-800"
                onClick={() => {
                  setDeleteError(null);
                  setDeleting(true);
                }}
              >
                {t("delete")}
              </Button>
            </div>
          </SideCard>
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
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={t("deleteTitle", { title: article.title })}
        description={published ? t("deletePublished") : t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        variant="danger"
        pending={remove.isPending}
        error={deleteError ? errorText(deleteError) : null}
        onConfirm={() => void confirmDelete()}
      />
    </form>
  );
}

/** For members who may read the knowledge base but not write it. */
function ReadOnlyArticle({ desk, timeZone, viewer, initial }: Props & { initial: KbArticleDetails }) {
  const t = useTranslations("kb.editor");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const categories = useQuery(trpc.kb.categories.queryOptions({ desk }));
  const names = useEditorNames(desk, viewer);
  const { article } = initial;
  const published = article.status === "published";
  const category = categories.data?.find((c) => c.id === article.categoryId);
  return (
    <div className="flex flex-col gap-6">
      <EditorHeader
        title={article.title}
        meta={
          <>
            <Badge variant={published ? "success" : "neutral"} dot>
              {t(`status.${article.status}`)}
            </Badge>
            <span>{t("versionLine", { version: article.version })}</span>
          </>
        }
      >
        {published ? (
          <a href={initial.url} target="_blank" rel="noopener" className={buttonClassName({ variant: "secondary" })}>
            {t("viewPublic")}
            <span className="sr-only">{t("newTab")}</span>
          </a>
        ) : null}
      </EditorHeader>
      <Alert>{t("readOnly")}</Alert>
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex flex-col gap-3">
          {article.summary ? <p className="text-sm text-slate-600">{article.summary}</p> : null}
          <ArticlePreview desk={desk} body={article.body} published={published} />
        </div>
        <div className="flex flex-col gap-6">
          <SideCard title={t("settings")}>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
              <dt className="text-slate-500">{t("category")}</dt>
              <dd className="text-slate-900">{category ? categoryLabel(category, categories.data ?? []) : t("noCategory")}</dd>
              <dt className="text-slate-500">{t("language")}</dt>
              <dd className="text-slate-900">{tCommon(`languages.${article.language}`)}</dd>
              <dt className="text-slate-500">{t("featured")}</dt>
              <dd className="text-slate-900">{article.featured ? t("yes") : t("no")}</dd>
            </dl>
            {initial.related.length > 0 ? (
              <>
                <h3 className="mt-4 text-sm font-medium text-slate-800">{t("related.label")}</h3>
                <ul className="mt-1 flex flex-col gap-1 text-sm">
                  {initial.related.map((r) => (
                    <li key={r.id}>
                      <Link href={`/d/${desk}/kb/${r.id}`} className="text-brand-700 hover:underline">
                        {r.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </SideCard>
          <SideCard title={t("statistics")}>
            <ArticleStats stats={initial.stats} />
          </SideCard>
          <SideCard title={t("historyTitle")}>
            <RevisionHistory
              desk={desk}
              articleId={article.id}
              revisions={initial.revisions}
              currentVersion={article.version}
              published={published}
              canEdit={false}
              dirty={false}
              timeZone={timeZone}
              names={names}
              onRestored={async () => undefined}
            />
          </SideCard>
        </div>
      </div>
    </div>
  );
}

/** Names of the people in the history: owners and admins see everyone's, others their own. */
function useEditorNames(desk: string, viewer: EditorViewer) {
  const t = useTranslations("kb.editor");
  const trpc = useTRPC();
  const staff = useQuery(trpc.staff.list.queryOptions({ desk }, { enabled: viewer.role !== "agent" }));
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const person of staff.data ?? []) names.set(person.membershipId, person.name);
    names.set(viewer.membershipId, t("you"));
    return names;
  }, [staff.data, viewer.membershipId, t]);
}

function EditorHeader({ title, meta, children }: { title: string; meta?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{title}</h1>
        {meta ? <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-slate-500">{meta}</div> : null}
      </div>
      {children ? <div className="flex shrink-0 flex-wrap items-center gap-2">{children}</div> : null}
    </div>
  );
}

function SideCard({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-3 text-sm font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Title, public address, summary and the Markdown body. */
function MainFields({
  desk,
  publicBase,
  values,
  errors,
  published,
  autoSlug,
  slugWarning,
  onChange,
}: {
  desk: string;
  publicBase: string;
  values: Values;
  errors: Errors;
  published: boolean;
  /** A new article's address follows its title until edited. */
  autoSlug: boolean;
  slugWarning?: string;
  onChange: (patch: Partial<Values>) => void;
}) {
  const t = useTranslations("kb.editor");
  const errorText = useErrorText();
  const ids = useId();
  const summaryLength = values.summary.trim().length;
  const slugShown = values.slug.trim().toLowerCase() || slugify(values.title) || t("slugPlaceholder");
  return (
    <div className="flex min-w-0 flex-col gap-5 rounded-xl border border-slate-200 bg-white p-6">
      <Field label={t("title")} error={errorText(errors.title)} required>
        <Input value={values.title} maxLength={titleMax} autoComplete="off" className="h-10 text-base font-medium" onChange={(e) => onChange({ title: e.target.value })} />
      </Field>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${ids}-slug`} className="text-sm leading-5 font-medium text-slate-800">
          {t("slug")}
        </label>
        <div className="flex min-w-0 items-stretch rounded-lg shadow-xs">
          <span className="hidden shrink-0 items-center rounded-l-lg border border-r-0 border-slate-300 bg-slate-50 px-3 text-sm whitespace-nowrap text-slate-500 sm:flex" aria-hidden="true" title={publicBase}>
            {new URL(publicBase).pathname}
          </span>
          <Input
            id={`${ids}-slug`}
            value={values.slug}
            maxLength={slugMax}
            autoComplete="off"
            spellCheck={false}
            placeholder={slugify(values.title) || t("slugPlaceholder")}
            aria-invalid={errors.slug ? true : undefined}
            aria-describedby={[errors.slug ? `${ids}-slug-error` : null, `${ids}-slug-hint`].filter(Boolean).join(" ")}
            className="shadow-none sm:rounded-l-none"
            onChange={(e) => onChange({ slug: e.target.value })}
          />
        </div>
        {errors.slug ? (
          <p id={`${ids}-slug-error`} className="text-sm text-red-700">
            {errorText(errors.slug)}
          </p>
        ) : null}
        <p id={`${ids}-slug-hint`} className="text-sm break-all text-slate-500">
          {autoSlug ? t("slugHint") : t("slugHintSaved")} <span className="font-mono text-xs text-slate-700">{`${publicBase}${slugShown}`}</span>
        </p>
        {slugWarning ? <p className="text-sm text-amber-800">{slugWarning}</p> : null}
      </div>
      <Field
        label={t("summary")}
        hint={
          <span className="flex justify-between gap-3">
            <span>{t("summaryHint")}</span>
            <span className={cn("shrink-0 tabular-nums", summaryLength > summaryMax && "font-medium text-red-700")}>{t("counter", { count: summaryLength, max: summaryMax })}</span>
          </span>
        }
        error={errorText(errors.summary)}
      >
        <Textarea rows={2} value={values.summary} maxLength={summaryMax + 50} className="min-h-16" onChange={(e) => onChange({ summary: e.target.value })} />
      </Field>
      <MarkdownEditor desk={desk} label={t("bodyLabel")} value={values.body} error={errorText(errors.body)} published={published} onChange={(body) => onChange({ body })} />
    </div>
  );
}

/** Category, language, featured and related articles. */
function SettingsFields({
  desk,
  selfId,
  values,
  errors,
  known,
  onChange,
}: {
  desk: string;
  selfId: string | null;
  values: Values;
  errors: Errors;
  known: { id: string; title: string }[];
  onChange: (patch: Partial<Values>) => void;
}) {
  const t = useTranslations("kb.editor");
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const categories = useQuery(trpc.kb.categories.queryOptions({ desk }));
  const list: KbCategory[] = categories.data ?? [];
  return (
    <div className="flex flex-col gap-4">
      <Field label={t("category")} error={errorText(errors.categoryId)} hint={categories.isSuccess && list.length === 0 ? t("noCategoriesYet") : undefined}>
        {(control) => (
          <NativeSelect {...control} value={values.categoryId} onChange={(e) => onChange({ categoryId: e.target.value })}>
            <option value="">{t("noCategory")}</option>
            {list.map((category) => (
              <option key={category.id} value={category.id}>
                {categoryLabel(category, list)}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <Field label={t("language")} hint={t("languageHint")} error={errorText(errors.language)}>
        {(control) => (
          <NativeSelect {...control} value={values.language} onChange={(e) => onChange({ language: e.target.value as ArticleLanguage })}>
            {articleLanguages.map((language) => (
              <option key={language} value={language}>
                {tCommon(`languages.${language}`)}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <CheckboxField label={t("featured")} description={t("featuredHint")} checked={values.featured} onCheckedChange={(checked) => onChange({ featured: checked === true })} />
      <RelatedPicker desk={desk} selfId={selfId} value={values.relatedIds} known={known} error={errorText(errors.relatedIds)} onChange={(relatedIds) => onChange({ relatedIds })} />
    </div>
  );
}
