"use client";

import { useEffect, useRef, useState } from "react";
import { fieldError } from "@/components/ticket/errors";
import { z } from "zod";
import { articleInput } from "@/server/kb/inputs";
import type { ArticleLanguage, KbArticleDetails } from "./shared";

export type Values = {
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
export type Errors = Partial<Record<FieldName, string>>;

const fieldNames: readonly FieldName[] = ["title", "slug", "summary", "body", "categoryId", "language", "relatedIds"];

type ArticleFields = Pick<KbArticleDetails["article"], "title" | "slug" | "summary" | "body" | "categoryId" | "language" | "featured" | "relatedIds">;

export function valuesOf(article: ArticleFields): Values {
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

const articleSchema = z.object(articleInput);

/** The server's own check of what would be sent; the first problem of each field. */
export function validate(values: Values): Errors {
  const result = articleSchema.safeParse(payload(values));
  const errors: Errors = {};
  for (const issue of result.error?.issues ?? []) {
    const name = issue.path[0];
    if (typeof name === "string" && (fieldNames as readonly string[]).includes(name)) errors[name as FieldName] ??= issue.message;
  }
  return errors;
}

export function payload(values: Values) {
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
export function serverErrors(error: unknown): Errors {
  const errors: Errors = {};
  for (const name of fieldNames) {
    const message = fieldError(error, name);
    if (message) errors[name] = message;
  }
  return errors;
}

/** The form's values against the last saved ones. */
export function useDraft(initial: Values) {
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
export function useEditorKeys(dirty: boolean, save: () => void) {
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
export function focusFirstProblem(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
}
