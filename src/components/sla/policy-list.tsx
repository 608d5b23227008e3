"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { strokeIcon } from "@/components/ui/icon";
import { DismissibleNotice } from "@/components/ui/notices";
import { joinQueries, ListSkeleton, QueryState } from "@/components/ui/query-state";
import { SectionHeading } from "@/components/ui/section-heading";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";
import { useDuration } from "./duration";
import { PolicyDialog } from "./policy-dialog";
import { departmentOptions, targetFields, type Policy } from "./shared";

const ClockIcon = strokeIcon("0 0 24 24", "", <><circle cx="12" cy="13" r="8" /><path d="M12 9v4l2.5 2.5M9.5 2.5h5" /></>);

/** Settings → SLA, the policies: one row per scope and priority, with add, edit and delete. */
export function PolicyList({ desk }: { desk: string }) {
  const t = useTranslations("sla.settings.policies");
  const tPriority = useTranslations("ticket.priority");
  const duration = useDuration();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.sla.policies.queryOptions({ desk }));
  const departmentList = useQuery(trpc.departments.list.queryOptions({ desk }));
  const remove = useMutation(trpc.sla.deletePolicy.mutationOptions());
  const [editing, setEditing] = useState<{ policy: Policy | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const departments = departmentOptions(departmentList.data ?? []);
  const nameOf = (id: string | null) => (id ? (departments.find((d) => d.id === id)?.name ?? "—") : t("deskWide"));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sla.policies.queryKey({ desk }) });
  const open = (policy: Policy | null) => {
    setNotice(null);
    setEditing({ policy });
  };

  const deletion = useConfirmation(async (policy: Policy) => {
    try {
      await remove.mutateAsync({ desk, id: policy.id });
      setNotice(t("deleted"));
    } finally {
      await refresh();
    }
  });

  const content = (
    <QueryState
      query={joinQueries(policies, departmentList)}
      loading={<ListSkeleton rows={3} rowClassName="h-11 w-full" />}
      errorMessage={t("loadFailed")}
      isEmpty={([list]) => list.length === 0}
      empty={
        <EmptyState
          title={t("empty")}
          description={t("emptyHint")}
          action={<Button onClick={() => open(null)}>{t("add")}</Button>}
          icon={<ClockIcon />}
        />
      }
    >
      {([list]) => {
        return (
          <Table aria-labelledby="sla-policies-title">
            <TableHeader
              columns={[
                t("scope"),
                t("priority"),
                t("firstResponse"),
                t("nextResponse"),
                t("resolution"),
                t("clock"),
                t("escalation"),
                { label: t("actions"), srOnly: true },
              ]}
            />
            <TableBody>
              {list.map((policy) => {
                const scope = nameOf(policy.departmentId);
                const priority = tPriority(policy.priority);
                const escalation = [
                  policy.escalatePriority === "raise" ? t("raise") : policy.escalatePriority ? t("toLevel", { priority: tPriority(policy.escalatePriority) }) : null,
                  policy.escalateDepartmentId ? t("moveTo", { department: nameOf(policy.escalateDepartmentId) }) : null,
                ].filter(Boolean);
                return (
                  <tr key={policy.id} data-testid="sla-policy">
                    <Cell className="font-medium text-slate-900">{scope}</Cell>
                    <Cell>{priority}</Cell>
                    {targetFields.map((field) => (
                      <Cell key={field} className="whitespace-nowrap tabular-nums">
                        {policy[field] === null ? t("noTarget") : duration(policy[field], policy.businessHours)}
                      </Cell>
                    ))}
                    <Cell>{policy.businessHours ? t("businessHours") : t("calendarHours")}</Cell>
                    <Cell>{escalation.length ? escalation.join(" · ") : t("notifyOnly")}</Cell>
                    <Cell className="py-2 text-right whitespace-nowrap">
                      <Button type="button" variant="ghost" size="sm" aria-label={t("editPolicy", { scope, priority })} onClick={() => open(policy)}>
                        {t("edit")}
                      </Button>
                      <Button
                        type="button"
                        variant="dangerGhost"
                        size="sm"
                        aria-label={t("deletePolicy", { scope, priority })}
                        onClick={() => {
                          setNotice(null);
                          deletion.ask(policy);
                        }}
                      >
                        {t("delete")}
                      </Button>
                    </Cell>
                  </tr>
                );
              })}
            </TableBody>
          </Table>
        );
      }}
    </QueryState>
  );

  return (
    <section aria-labelledby="sla-policies-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <SectionHeading id="sla-policies-title" title={t("title")} description={t("description")} descriptionClassName="mt-0" />
        {policies.data?.length ? <Button onClick={() => open(null)}>{t("add")}</Button> : null}
      </div>
      <DismissibleNotice notice={notice ? { variant: "success", text: notice } : null} onClose={() => setNotice(null)} />
      {content}
      {editing ? (
        <PolicyDialog
          desk={desk}
          policy={editing.policy}
          open
          departments={departments}
          onOpenChange={(isOpen) => (isOpen ? undefined : setEditing(null))}
          onSaved={async () => {
            setEditing(null);
            setNotice(t("saved"));
            await refresh();
          }}
        />
      ) : null}
      <ConfirmDialog {...deletion.dialog} variant="danger" title={t("deleteTitle")} description={t("deleteConfirm")} confirmLabel={t("delete")} />
    </section>
  );
}
