"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { callError } from "@/components/ticket/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { EditorHeader, MainFields, SettingsFields, SideCard } from "./article-fields";
import { focusFirstProblem, payload, serverErrors, useDraft, useEditorKeys, validate, type Errors } from "./article-form";
import { slugify, type ArticleLanguage } from "./shared";

/** A new article: saved as a draft, or saved and published at once; then its own page takes over. */
export function NewArticle({ desk, publicBase, defaultLanguage }: { desk: string; publicBase: string; defaultLanguage: ArticleLanguage }) {
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
