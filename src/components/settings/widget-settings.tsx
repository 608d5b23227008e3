"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadingPlaceholder, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { CodeBlock } from "./widget-code-block";
import { WidgetDepartments } from "./widget-departments";
import { WidgetFieldsEditor } from "./widget-fields-editor";
import { WidgetIdentity } from "./widget-identity";
import { WidgetLook } from "./widget-look";
import { WidgetOrigins } from "./widget-origins";
import { WidgetPreview } from "./widget-preview";
import { WidgetSection } from "./widget-section";
import { useWidgetSettingsForm, type WidgetSettingsData } from "./widget-settings-form";

/** Settings → Widget: loads the settings, then shows the form beside a live preview. */
export function WidgetSettings({ desk }: { desk: string }) {
  const t = useTranslations("widgetAdmin.widget");
  const trpc = useTRPC();
  const query = useQuery(trpc.widget.settings.queryOptions({ desk }));

  return (
    <QueryState
      query={query}
      loading={
        <LoadingPlaceholder className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
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
        </LoadingPlaceholder>
      }
      errorMessage={t("loadFailed")}
    >
      {(data) => <WidgetSettingsForm desk={desk} data={data} />}
    </QueryState>
  );
}

function WidgetSettingsForm({ desk, data }: { desk: string; data: WidgetSettingsData }) {
  const t = useTranslations("widgetAdmin.widget");
  const errorText = useErrorText();
  const { formRef, values, saved, dirty, status, saving, set, problem, rowErrors, onSubmit, discard } = useWidgetSettingsForm(desk, data);

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

          <WidgetLook values={values} savedColor={saved.color} problem={problem} onChange={set} />

          <WidgetDepartments desk={desk} available={data.departments} values={values} error={problem("departmentIds")} onChange={set} />

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
              <Button type="submit" loading={saving}>
                {t("save")}
              </Button>
              {dirty ? (
                <Button type="button" variant="ghost" onClick={discard} disabled={saving}>
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
          saved={{ color: saved.color, position: saved.position, greeting: saved.greeting }}
          dirty={dirty}
        />
      </div>
    </div>
  );
}
