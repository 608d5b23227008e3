"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { z } from "zod";
import { departmentTree, flattenTree } from "@/components/departments/tree";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LoadError } from "@/components/ui/notices";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import type { WidgetField } from "@/server/desks/schema";
import type { AppRouter } from "@/server/root";
import { widgetSettingsInput } from "@/server/widget/inputs";
import type { WidgetPosition } from "@/server/widget/schema";
import { useTRPC } from "@/trpc/react";
import { CodeBlock } from "./widget-code-block";
import { WidgetFieldsEditor } from "./widget-fields-editor";
import { WidgetIdentity } from "./widget-identity";
import { WidgetOrigins } from "./widget-origins";
import { WidgetPreview } from "./widget-preview";
import { WidgetSection } from "./widget-section";

type WidgetSettingsData = inferRouterOutputs<AppRouter>["widget"]["settings"];

type Values = {
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
const positions = ["right", "left"] as const satisfies readonly WidgetPosition[];
const greetingMax = 280;
const hexColor = /^#[0-9a-fA-F]{6}$/;

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

/** Settings → Widget: loads the settings, then shows the form beside a live preview. */
export function WidgetSettings({ desk }: { desk: string }) {
  const t = useTranslations("widgetAdmin.widget");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const query = useQuery(trpc.widget.settings.queryOptions({ desk }));

  if (query.isPending) {
    return (
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]" aria-busy="true">
        <span className="sr-only">{tCommon("loading")}</span>
        <div className="flex flex-col gap-6">
          {[28, 44, 56, 40].map((height, i) => (
            <div key={i} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6">
              <Skeleton className="h-5 w-48" />
              <Skeleton className="h-4 w-full max-w-lg" />
              <Skeleton className="w-full" style={{ height: `${height * 2}px` }} />
            </div>
          ))}
        </div>
        <Skeleton className="hidden h-[680px] rounded-xl xl:block" />
      </div>
    );
  }
  if (query.isError) return <LoadError message={t("loadFailed")} onRetry={() => void query.refetch()} />;
  return <WidgetSettingsForm desk={desk} data={query.data} />;
}

function WidgetSettingsForm({ desk, data }: { desk: string; data: WidgetSettingsData }) {
  const t = useTranslations("widgetAdmin.widget");
  const tFields = useTranslations("setup.form");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.widget.update.mutationOptions());
  const ids = useId();
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

  const departments = useMemo(() => flattenTree(departmentTree(data.departments)), [data.departments]);
  const departmentFieldOff = values.widgetFields.some((f) => f.name === "department" && !f.enabled);
  const problem = (path: string) => errorText(problems[path]);
  const rowErrors: Record<number, string | undefined> = {};
  for (const [path, key] of Object.entries(problems)) {
    const match = /^allowedOrigins\.(\d+)$/.exec(path);
    if (match) rowErrors[Number(match[1])] = errorText(key);
  }

  async function onSubmit(event: React.FormEvent) {
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

  const colorValid = hexColor.test(values.color);

  // After a failed save, take the admin to the first problem (a field, else a section's message).
  const [reveal, setReveal] = useState(0);
  useEffect(() => {
    if (reveal === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]');
    if (!first) return;
    first.scrollIntoView({ block: "center", behavior: "smooth" });
    if (first.matches("input, textarea, select")) first.focus({ preventScroll: true });
  }, [reveal]);

  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <WidgetSection
          id="widget-snippet"
          title={t("snippet.title")}
          description={t.rich("snippet.description", { tag: "</body>", code: (chunks) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px] text-slate-800">{chunks}</code> })}
        >
          <CodeBlock wrap code={data.snippet} label={t("snippet.label")} copyLabel={t("snippet.copy")} copiedText={t("snippet.copied")} failedText={t("snippet.copyFailed")} />
          {saved.allowedOrigins.length === 0 ? (
            <Alert variant="warning" className="mt-4">
              {t("snippet.noSites")}
            </Alert>
          ) : null}
        </WidgetSection>

        <form ref={formRef} onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-6" aria-label={t("formLabel")}>
          <WidgetSection
            id="widget-origins"
            title={t("origins.title")}
            description={t("origins.description")}
            error={problem("allowedOrigins")}
          >
            <WidgetOrigins origins={values.allowedOrigins} onChange={(allowedOrigins) => set({ allowedOrigins })} rowErrors={rowErrors} />
          </WidgetSection>

          <WidgetSection id="widget-look" title={t("look.title")} description={t("look.description")}>
            <div className="flex flex-col gap-5">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`${ids}-color`}>{t("look.color")}</Label>
                <div className="flex items-center gap-3">
                  <input
                    type="color"
                    aria-label={t("look.colorPicker")}
                    value={colorValid ? values.color.toLowerCase() : saved.color}
                    onChange={(event) => set({ color: event.target.value })}
                    className="h-9 w-14 shrink-0 cursor-pointer rounded-lg border border-slate-300 bg-white p-1 shadow-xs"
                  />
                  <Input
                    id={`${ids}-color`}
                    value={values.color}
                    maxLength={7}
                    spellCheck={false}
                    autoComplete="off"
                    className="w-32 font-mono"
                    aria-invalid={problem("color") ? true : undefined}
                    aria-describedby={[problem("color") ? `${ids}-color-error` : null, `${ids}-color-hint`].filter(Boolean).join(" ")}
                    onChange={(event) => {
                      const raw = event.target.value.trim();
                      set({ color: raw.startsWith("#") || raw === "" ? raw : `#${raw}` });
                    }}
                  />
                </div>
                {problem("color") ? <FieldProblem id={`${ids}-color-error`}>{problem("color")}</FieldProblem> : null}
                <p id={`${ids}-color-hint`} className="text-sm text-slate-500">
                  {t("look.colorHint")}
                </p>
              </div>

              <fieldset aria-describedby={`${ids}-position-hint`}>
                <legend className="mb-1.5 text-sm leading-5 font-medium text-slate-800">{t("look.position")}</legend>
                <div className="flex flex-wrap gap-3">
                  {positions.map((position) => (
                    <label
                      key={position}
                      className={cn(
                        "flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-sm font-medium transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
                        values.position === position ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
                      )}
                    >
                      <input
                        type="radio"
                        name="widget-position"
                        value={position}
                        checked={values.position === position}
                        onChange={() => set({ position })}
                        className="size-4 accent-brand-600 focus-visible:outline-none"
                      />
                      <PositionIcon position={position} />
                      {t(`look.${position}`)}
                    </label>
                  ))}
                </div>
                <p id={`${ids}-position-hint`} className="mt-1.5 text-sm text-slate-500">
                  {t("look.positionHint")}
                </p>
                {problem("position") ? <FieldProblem className="mt-1.5">{problem("position")}</FieldProblem> : null}
              </fieldset>

              <Field
                label={t("look.greeting")}
                hint={
                  <span className="flex justify-between gap-3">
                    <span>{t("look.greetingHint")}</span>
                    <span className={cn("shrink-0 tabular-nums", values.greeting.length > greetingMax && "text-red-700")}>
                      {t("look.counter", { count: values.greeting.length, max: greetingMax })}
                    </span>
                  </span>
                }
                error={problem("greeting")}
              >
                <Textarea rows={3} maxLength={greetingMax} placeholder={t("look.greetingPlaceholder")} value={values.greeting} onChange={(event) => set({ greeting: event.target.value })} />
              </Field>
            </div>
          </WidgetSection>

          <WidgetSection id="widget-departments" title={t("departments.title")} description={t("departments.description")} error={problem("departmentIds")}>
            {departments.length === 0 ? (
              <p className="text-sm text-slate-500">
                {t("departments.empty")}{" "}
                <Link href={`/d/${desk}/departments`} className="font-medium text-brand-700 underline underline-offset-2">
                  {t("departments.manage")}
                </Link>
              </p>
            ) : (
              <div className="flex flex-col gap-3">
                <ul aria-label={t("departments.listLabel")} className="flex flex-col gap-2.5">
                  {departments.map((node) => (
                    <li key={node.department.id} style={{ marginInlineStart: `${node.depth * 1.75}rem` }}>
                      <CheckboxField
                        label={node.department.name}
                        checked={values.departmentIds.includes(node.department.id)}
                        onCheckedChange={(checked) =>
                          set({
                            departmentIds:
                              checked === true
                                ? departments.map((d) => d.department.id).filter((id) => id === node.department.id || values.departmentIds.includes(id))
                                : values.departmentIds.filter((id) => id !== node.department.id),
                          })
                        }
                      />
                    </li>
                  ))}
                </ul>
                <p aria-live="polite" className="text-sm text-slate-500">
                  {values.departmentIds.length === 0 ? t("departments.none") : t("departments.chosen", { count: values.departmentIds.length })}
                </p>
                {values.departmentIds.length > 0 && departmentFieldOff ? (
                  <Alert variant="info">{t("departments.fieldOff", { field: tFields("fields.department") })}</Alert>
                ) : null}
              </div>
            )}
          </WidgetSection>

          <WidgetSection id="widget-fields" title={t("fields.title")} description={t("fields.description")} error={problem("widgetFields")}>
            <WidgetFieldsEditor value={values.widgetFields} onChange={(widgetFields) => set({ widgetFields })} />
          </WidgetSection>

          <div
            className={cn(
              "z-10 flex flex-col gap-3 rounded-xl border border-slate-200 bg-white/95 px-5 py-4 backdrop-blur sm:flex-row sm:items-center",
              // Unsaved changes keep the Save button in view while the admin scrolls.
              (dirty || status.error) && "sticky bottom-0 shadow-lg shadow-slate-900/5",
            )}
          >
            <div className="flex items-center gap-3">
              <Button type="submit" loading={update.isPending}>
                {t("save")}
              </Button>
              {dirty ? (
                <Button type="button" variant="ghost" onClick={discard} disabled={update.isPending}>
                  {t("discard")}
                </Button>
              ) : null}
            </div>
            <p aria-live="polite" className="text-sm sm:ml-2">
              {status.saved ? (
                <span className="text-emerald-700">{t("saved")}</span>
              ) : status.error ? (
                <span className="text-red-700">{errorText(status.error)}</span>
              ) : dirty ? (
                <span className="text-slate-600">{t("unsavedBar")}</span>
              ) : null}
            </p>
          </div>
        </form>

        <WidgetIdentity desk={desk} secret={data.identitySecret} />
      </div>

      <div className="xl:sticky xl:top-6">
        <WidgetPreview
          framePath={data.framePath}
          look={{ color: values.color, position: values.position, greeting: values.greeting }}
          savedColor={saved.color}
          dirty={dirty}
        />
      </div>
    </div>
  );
}

function PositionIcon({ position }: { position: WidgetPosition }) {
  return (
    <svg viewBox="0 0 24 18" fill="none" aria-hidden="true" className="h-4 w-5 text-current">
      <rect x="0.75" y="0.75" width="22.5" height="16.5" rx="2" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={position === "right" ? 18.5 : 5.5} cy="12.5" r="2.25" fill="currentColor" />
    </svg>
  );
}

function FieldProblem({ id, className, children }: { id?: string; className?: string; children: React.ReactNode }) {
  return (
    <p id={id} data-problem className={cn("flex items-start gap-1.5 text-sm text-red-700", className)}>
      <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="mt-0.5 size-4 shrink-0">
        <circle cx="8" cy="8" r="6.25" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4.75v3.75" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        <circle cx="8" cy="11" r="0.9" fill="currentColor" />
      </svg>
      <span>{children}</span>
    </p>
  );
}
