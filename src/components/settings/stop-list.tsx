"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { strokeIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { DismissibleNotice } from "@/components/ui/notices";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { CardSection } from "@/components/ui/section-heading";
import { Skeleton } from "@/components/ui/skeleton";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { AppRouter } from "@/server/root";
import { stopEntryFields, stopEntryForm } from "@/server/stoplist/inputs";
import { useTRPC } from "@/trpc/react";
import { type StopKind } from "@/server/stoplist/values";

const StopIcon = strokeIcon("0 0 24 24", "", <><circle cx="12" cy="12" r="8.5" /><path d="m6 6 12 12" /></>);

type Entry = inferRouterOutputs<AppRouter>["stopList"]["list"][number];

// Kept here (not imported from the server schema) so the browser bundle stays free of drizzle.
const kinds = ["email", "domain", "word", "ip"] as const satisfies readonly StopKind[];
type Filter = StopKind | "all";

/** Settings → Stop-list: what it does, a form to add an entry, and the entries by kind. */
export function StopList({ desk, timeZone }: { desk: string; timeZone: string }) {
  const t = useTranslations("widgetAdmin.stopList");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.stopList.list.queryOptions({ desk }));
  const remove = useMutation(trpc.stopList.remove.mutationOptions());
  const [filter, setFilter] = useState<Filter>("all");
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.stopList.list.queryKey({ desk }) });

  const removal = useConfirmation(async (entry: Entry) => {
    try {
      await remove.mutateAsync({ desk, id: entry.id });
      setNotice(t("removed", { value: entry.value }));
    } finally {
      await refresh();
    }
  });

  const content = (
    <QueryState
      query={list}
      loading={<ListSkeleton rows={4} rowClassName="h-11 w-full" before={<Skeleton className="h-9 w-full max-w-md" />} />}
      errorMessage={t("loadFailed")}
      isEmpty={(entries) => entries.length === 0}
      empty={
        <EmptyState
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          icon={<StopIcon />}
        />
      }
    >
      {(entries) => {
        const count = (kind: StopKind) => entries.filter((e) => e.kind === kind).length;
        const shown = filter === "all" ? kinds.filter((kind) => count(kind) > 0) : [filter];
        return (
          <div className="flex flex-col gap-4">
            <div role="group" aria-label={t("filter.label")} className="flex flex-wrap gap-2">
              {(["all", ...kinds] as const).map((key) => {
                const n = key === "all" ? entries.length : count(key);
                return (
                  <Button key={key} type="button" size="sm" variant={filter === key ? "primary" : "secondary"} aria-pressed={filter === key} onClick={() => setFilter(key)}>
                    {key === "all" ? t("filter.all") : t(`kindsPlural.${key}`)}
                    <span className={cn("rounded-full px-1.5 text-xs tabular-nums", filter === key ? "bg-white/20" : "bg-slate-100 text-slate-600")}>{n}</span>
                  </Button>
                );
              })}
            </div>
            {shown.map((kind) => {
              const rows = entries.filter((e) => e.kind === kind);
              return (
                <section key={kind} aria-labelledby={`stop-kind-${kind}`}>
                  <h3 id={`stop-kind-${kind}`} className="mb-2 text-sm font-semibold text-slate-700">
                    {t(`kindsPlural.${kind}`)} <span className="font-normal text-slate-400">· {rows.length}</span>
                  </h3>
                  {rows.length === 0 ? (
                    <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">{t("emptyKind")}</p>
                  ) : (
                    <Table aria-labelledby={`stop-kind-${kind}`}>
                      <TableHeader columns={[t("table.value"), t("table.added"), { label: t("table.actions"), srOnly: true }]} />
                      <TableBody>
                        {rows.map((entry) => (
                          <tr key={entry.id} data-testid="stop-list-entry">
                            <Cell className="w-full max-w-0 font-mono text-slate-900">
                              <span className="block truncate" title={entry.value}>
                                {entry.value}
                              </span>
                            </Cell>
                            <Cell className="whitespace-nowrap">
                              <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeZone })}</time>
                            </Cell>
                            <Cell className="py-2 text-right">
                              <Button
                                type="button"
                                variant="dangerGhost"
                                size="sm"
                                aria-label={t("removeLabel", { value: entry.value })}
                                onClick={() => {
                                  setNotice(null);
                                  removal.ask(entry);
                                }}
                              >
                                {t("remove")}
                              </Button>
                            </Cell>
                          </tr>
                        ))}
                      </TableBody>
                    </Table>
                  )}
                </section>
              );
            })}
            <p className="text-xs text-slate-500">{t("timeZone", { timeZone: timeZone.replaceAll("_", " ") })}</p>
          </div>
        );
      }}
    </QueryState>
  );

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <Alert
        variant="info"
        title={t("title")}
        action={
          <Button asChild variant="secondary" size="sm">
            <Link href={`/d/${desk}?view=held`}>{t("heldLink")}</Link>
          </Button>
        }
      >
        {t("explanation")}
      </Alert>
      <AddEntryForm
        desk={desk}
        onAttempt={() => setNotice(null)}
        onAdded={async (entry) => {
          setNotice(t("add.added", { value: entry.value }));
          setFilter((f) => (f === "all" || f === entry.kind ? f : entry.kind));
          await refresh();
        }}
      />
      <DismissibleNotice notice={notice ? { variant: "success", text: notice } : null} onClose={() => setNotice(null)} />
      {content}
      <ConfirmDialog {...removal.dialog} variant="danger" title={t("removeTitle", { value: removal.target?.value ?? "" })} description={t("removeDescription")} confirmLabel={t("removeConfirm")} />
    </div>
  );
}

/** Kind and value; Enter submits. The server normalises the value (lower case, no leading "@"). */
function AddEntryForm({ desk, onAttempt, onAdded }: { desk: string; onAttempt: () => void; onAdded: (entry: Entry) => Promise<void> }) {
  const t = useTranslations("widgetAdmin.stopList");
  const trpc = useTRPC();
  const add = useMutation(trpc.stopList.add.mutationOptions());
  const form = useServerForm(stopEntryForm, { defaultValues: { kind: "email", value: "" }, fields: ["kind", "value"] });
  const { register, problem, setFocus } = form;
  const kind = useWatch({ control: form.control, name: "kind" });
  const edited = () => {
    form.clearErrors();
    form.setFailure(null);
  };

  const onSubmit = form.handleSubmit(
    async (entry) => {
      await form.attempt(async () => {
        const added = await add.mutateAsync({ desk, ...entry });
        form.reset({ kind: entry.kind, value: "" });
        await onAdded(added);
      });
      setFocus("value");
    },
    () => setFocus("value"),
  );

  return (
    <CardSection id="stop-list-add" title={t("add.title")}>
      <form
        onSubmit={(event) => {
          onAttempt();
          void onSubmit(event);
        }}
        noValidate
        className="flex flex-col gap-4"
      >
        <div className="grid gap-4 sm:grid-cols-[14rem_minmax(0,1fr)_auto] sm:items-start">
          <Field label={t("add.kind")} error={problem("kind")}>
            {(control) => (
              <NativeSelect {...control} {...register("kind", { onChange: edited })}>
                <Options items={kinds} label={(k) => t(`kinds.${k}`)} />
              </NativeSelect>
            )}
          </Field>
          <Field label={t("add.value")} hint={t(`hints.${kind}`)} error={problem("value")} required>
            <Input
              maxLength={maxLengthOf(stopEntryFields.value)}
              autoComplete="off"
              spellCheck={false}
              inputMode={kind === "email" ? "email" : "text"}
              placeholder={t(`placeholders.${kind}`)}
              {...register("value", { onChange: edited })}
            />
          </Field>
          <Button type="submit" className="sm:mt-6.5" loading={add.isPending}>
            {t("add.submit")}
          </Button>
        </div>
        {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      </form>
    </CardSection>
  );
}
