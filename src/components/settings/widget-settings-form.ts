"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import type { WidgetField } from "@/server/kernel/schema";
import type { AppRouter } from "@/server/root";
import { widgetSettingsInput } from "@/server/widget/inputs";
import { useTRPC } from "@/trpc/react";
import { type WidgetPosition } from "@/server/widget/values";

export type WidgetSettingsData = inferRouterOutputs<AppRouter>["widget"]["settings"];

export type Values = {
  color: string;
  position: WidgetPosition;
  greeting: string;
  departmentIds: string[];
  allowedOrigins: string[];
  widgetFields: WidgetField[];
};

/** Problems by field path ("color", "allowedOrigins.3"), as keys of the "errors" namespace. */
type FieldProblems = Record<string, string>;

const settingsSchema = z.object(widgetSettingsInput);

function valuesOf(data: WidgetSettingsData): Values {
  // A department archived since it was chosen is no longer offered; drop it rather than fail the save.
  const known = new Set(data.departments.map((d) => d.id));
  return {
    color: data.color,
    position: data.position,
    greeting: data.greeting,
    departmentIds: data.departmentIds.filter((id) => known.has(id)),
    allowedOrigins: data.allowedOrigins,
    widgetFields: data.widgetFields,
  };
}

const sameValues = (a: Values, b: Values) => JSON.stringify(a) === JSON.stringify(b);

/** The server's field errors, by path. Zod's flattened errors name the top-level field only. */
function serverProblems(error: unknown): FieldProblems {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error as TRPCClientError<AppRouter>).data?.fieldErrors as Record<string, unknown> | null | undefined;
  const problems: FieldProblems = {};
  for (const [field, messages] of Object.entries(fields ?? {})) {
    const message = Array.isArray(messages) ? messages[0] : messages;
    if (typeof message === "string") problems[field] = message;
  }
  return problems;
}

/** The widget form's values against the saved ones, their problems, and saving them. */
export function useWidgetSettingsForm(desk: string, data: WidgetSettingsData) {
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.widget.update.mutationOptions());
  const formRef = useRef<HTMLFormElement>(null);
  // The form keeps its own copy: refetches and a new identity secret must not wipe unsaved edits.
  const [saved, setSaved] = useState<Values>(() => valuesOf(data));
  const [values, setValues] = useState<Values>(saved);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [status, setStatus] = useState<{ saved?: boolean; error?: ErrorMessage }>({});
  const dirty = !sameValues(values, saved);

  const set = (change: Partial<Values>) => {
    setValues((v) => ({ ...v, ...change }));
    setStatus({});
    // A field's problem goes away as soon as it is edited.
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([path]) => !Object.keys(change).some((key) => path === key || path.startsWith(`${key}.`)))));
  };

  const problem = (path: string) => errorText(problems[path]);
  const rowErrors: Record<number, string | undefined> = {};
  for (const [path, key] of Object.entries(problems)) {
    const match = /^allowedOrigins\.(\d+)$/.exec(path);
    if (match) rowErrors[Number(match[1])] = errorText(key);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus({});
    const parsed = settingsSchema.safeParse(values);
    if (!parsed.success) {
      const found: FieldProblems = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        found[path] ??= issue.message;
      }
      setProblems(found);
      setStatus({ error: { key: "widget.fixFields" } });
      setReveal((n) => n + 1);
      return;
    }
    try {
      const next = await update.mutateAsync({ desk, ...values });
      queryClient.setQueryData(trpc.widget.settings.queryKey({ desk }), next);
      const fresh = valuesOf(next);
      setSaved(fresh);
      setValues(fresh);
      setProblems({});
      setStatus({ saved: true });
    } catch (error) {
      const found = serverProblems(error);
      setProblems(found);
      setStatus({ error: Object.keys(found).length > 0 ? { key: "widget.fixFields" } : serverMessage(error) });
      setReveal((n) => n + 1);
    }
  }

  function discard() {
    setValues(saved);
    setProblems({});
    setStatus({});
  }

  // After a failed save, take the admin to the first problem (a field, else a section's message).
  const [reveal, setReveal] = useState(0);
  useEffect(() => {
    if (reveal === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]');
    if (!first) return;
    first.scrollIntoView({ block: "center", behavior: "smooth" });
    if (first.matches("input, textarea, select")) first.focus({ preventScroll: true });
  }, [reveal]);

  return { formRef, values, saved, dirty, status, saving: update.isPending, set, problem, rowErrors, onSubmit, discard };
}
