"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useErrorText } from "@/components/forms/errors";
import { Badge } from "@/components/ui/badge";
import { CheckboxField } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import type { Errors, Values } from "./article-form";
import { MarkdownEditor } from "./markdown-editor";
import { RelatedPicker } from "./related-picker";
import { slugMax, summaryMax, titleMax } from "./limits";
import { articleLanguages, categoryLabel, slugify, type ArticleLanguage, type KbArticleDetails, type KbCategory } from "./shared";

export function EditorHeader({ title, meta, children }: { title: string; meta?: React.ReactNode; children?: React.ReactNode }) {
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

/** The status badge and version under a saved article's title. */
export function ArticleStatusMeta({ status, version }: { status: KbArticleDetails["article"]["status"]; version: number }) {
  const t = useTranslations("kb.editor");
  return (
    <>
      <Badge variant={status === "published" ? "success" : "neutral"} dot>
        {t(`status.${status}`)}
      </Badge>
      <span>{t("versionLine", { version })}</span>
    </>
  );
}

export function SideCard({ title, children }: { title: string; children: React.ReactNode }) {
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
export function MainFields({
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
export function SettingsFields({
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
            <Options items={list} value={(category) => category.id} label={(category) => categoryLabel(category, list)} />
          </NativeSelect>
        )}
      </Field>
      <Field label={t("language")} hint={t("languageHint")} error={errorText(errors.language)}>
        {(control) => (
          <NativeSelect {...control} value={values.language} onChange={(e) => onChange({ language: e.target.value as ArticleLanguage })}>
            <Options items={articleLanguages} label={(language) => tCommon(`languages.${language}`)} />
          </NativeSelect>
        )}
      </Field>
      <CheckboxField label={t("featured")} description={t("featuredHint")} checked={values.featured} onCheckedChange={(checked) => onChange({ featured: checked === true })} />
      <RelatedPicker desk={desk} selfId={selfId} value={values.relatedIds} known={known} error={errorText(errors.relatedIds)} onChange={(relatedIds) => onChange({ relatedIds })} />
    </div>
  );
}
