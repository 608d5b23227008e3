"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { strokeIcon } from "@/components/ui/icon";
import { DismissibleNotice } from "@/components/ui/notices";
import { joinQueries, ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";
import { PriorityRuleForm, type DepartmentOption, type PriorityRule } from "./priority-rule-form";
import { PriorityThresholds } from "./priority-thresholds";

const RulesIcon = strokeIcon("0 0 24 24", "", <path d="M4 19h16M7 15V9m5 6V5m5 10v-3" />);

export const signedWeight = (weight: number) => (weight > 0 ? `+${weight}` : weight < 0 ? `−${Math.abs(weight)}` : "0");

/** Settings → Priority: what the rules do, a form to add (or edit) one, the rules, and the thresholds. */
export function PriorityRules({ desk }: { desk: string }) {
  const t = useTranslations("priority.settings");
  const tChannel = useTranslations("priority.channels");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.priority.rules.queryOptions({ desk }));
  const departments = useQuery(trpc.departments.list.queryOptions({ desk }));
  const update = useMutation(trpc.priority.updateRule.mutationOptions());
  const remove = useMutation(trpc.priority.removeRule.mutationOptions());
  const [editing, setEditing] = useState<PriorityRule | null>(null);
  const rowFailure = useCallFailure();
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.priority.rules.queryKey({ desk }) });
  const departmentOptions: DepartmentOption[] = (departments.data ?? []).map((d) => ({ id: d.id, parentId: d.parentId, name: d.name }));

  async function toggle(rule: PriorityRule, enabled: boolean) {
    await rowFailure.run(() => update.mutateAsync({ desk, id: rule.id, name: rule.name, weight: rule.weight, enabled, condition: rule.condition }));
    await refresh();
  }

  const removal = useConfirmation(async (rule: PriorityRule) => {
    try {
      await remove.mutateAsync({ desk, id: rule.id });
      setNotice(t("rules.removed", { name: rule.name }));
      if (editing?.id === rule.id) setEditing(null);
    } finally {
      await refresh();
    }
  });

  const describe = (rule: PriorityRule) => {
    const c = rule.condition;
    switch (c.kind) {
      case "vip":
        return t("describe.vip");
      case "domain":
        return t("describe.domain", { list: c.domains.join(", ") });
      case "words":
        return t("describe.words", { list: c.words.map((word) => t("describe.quoted", { word })).join(", ") });
      case "channel":
        return t("describe.channel", { list: c.channels.map((ch) => tChannel(ch)).join(", ") });
      case "waiting":
        return t("describe.waiting", { hours: c.hours });
      case "department": {
        const name = departmentOptions.find((d) => d.id === c.departmentId)?.name;
        return name ? t("describe.department", { name }) : t("describe.departmentGone");
      }
    }
  };

  return (
    <QueryState
      query={joinQueries(list, departments)}
      loading={
        <ListSkeleton
          rows={3}
          rowClassName="h-11 w-full"
          className="flex max-w-4xl flex-col gap-4"
          before={
            <>
              <Skeleton className="h-20 w-full" />
              <Skeleton className="h-64 w-full" />
            </>
          }
        />
      }
      errorMessage={t("rules.loadFailed")}
    >
      {([{ rules, thresholds }]) => (
        <div className="flex max-w-4xl flex-col gap-6">
          <Alert variant="info" title={t("intro.title")}>
            {t("intro.body")}
          </Alert>
          {editing ? (
            <PriorityRuleForm
              key={editing.id}
              desk={desk}
              rule={editing}
              departments={departmentOptions}
              onCancel={() => setEditing(null)}
              onSaved={async (rule) => {
                setNotice(t("form.saved", { name: rule.name }));
                setEditing(null);
                await refresh();
              }}
            />
          ) : (
            <PriorityRuleForm
              desk={desk}
              rule={null}
              departments={departmentOptions}
              onSaved={async (rule) => {
                setNotice(t("form.added", { name: rule.name }));
                await refresh();
              }}
            />
          )}
          <DismissibleNotice notice={notice ? { variant: "success", text: notice } : null} onClose={() => setNotice(null)} />
          <section aria-labelledby="priority-rules-title" className="flex flex-col gap-3">
            <h2 id="priority-rules-title" className="text-sm font-semibold text-slate-700">
              {t("rules.title")} <span className="font-normal text-slate-400">· {t("rules.count", { count: rules.length })}</span>
            </h2>
            {rowFailure.message ? <Alert variant="error">{rowFailure.message}</Alert> : null}
            {rules.length === 0 ? (
              <EmptyState
                title={t("rules.emptyTitle")}
                description={t("rules.emptyDescription")}
                icon={<RulesIcon />}
              />
            ) : (
              <Table aria-labelledby="priority-rules-title">
                <TableHeader columns={[t("rules.name"), t("rules.condition"), t("rules.weight"), t("rules.enabled"), { label: t("rules.actions"), srOnly: true }]} />
                <TableBody>
                  {rules.map((rule) => (
                    <tr key={rule.id} data-testid="priority-rule" className={rule.enabled ? undefined : "text-slate-400"}>
                      <Cell className="font-medium whitespace-nowrap text-slate-900">
                        {rule.name} {rule.enabled ? null : <Badge>{t("rules.disabled")}</Badge>}
                      </Cell>
                      <Cell className="max-w-0 w-full">
                        <span className="block truncate" title={describe(rule)}>
                          {describe(rule)}
                        </span>
                      </Cell>
                      <Cell className={rule.weight < 0 ? "font-mono text-sky-700 tabular-nums" : "font-mono text-slate-900 tabular-nums"}>{signedWeight(rule.weight)}</Cell>
                      <Cell>
                        <Checkbox checked={rule.enabled} aria-label={t("rules.enableLabel", { name: rule.name })} disabled={update.isPending} onCheckedChange={(on) => void toggle(rule, on === true)} />
                      </Cell>
                      <Cell className="py-2 text-right whitespace-nowrap">
                        <Button type="button" variant="ghost" size="sm" aria-label={t("rules.editLabel", { name: rule.name })} onClick={() => setEditing(rule)}>
                          {t("rules.edit")}
                        </Button>
                        <Button
                          type="button"
                          variant="dangerGhost"
                          size="sm"
                          aria-label={t("rules.removeLabel", { name: rule.name })}
                          onClick={() => removal.ask(rule)}
                        >
                          {t("rules.remove")}
                        </Button>
                      </Cell>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
          <PriorityThresholds
            desk={desk}
            initial={thresholds}
            onSaved={async (text) => {
              setNotice(text);
              await refresh();
            }}
          />
          <ConfirmDialog {...removal.dialog} variant="danger" title={t("rules.removeTitle", { name: removal.target?.name ?? "" })} description={t("rules.removeDescription")} confirmLabel={t("rules.removeConfirm")} />
        </div>
      )}
    </QueryState>
  );
}
