"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useMoney, useReturnFocus, type PlatformDesk } from "@/components/billing/shared";
import { NoticeSlot } from "@/components/billing/notice-slot";
import { StaffSection, TableSkeleton } from "@/components/staff/section";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { QueryState } from "@/components/ui/query-state";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";
import { AdjustDialog } from "./adjust-dialog";

/** Every desk: plan, balance, status, staff and today's requests, with credit/debit and suspend/resume. */
export function DesksTable({ currency }: { currency: string }) {
  const t = useTranslations("billing.platform.desks");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const money = useMoney(currency);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const desks = useQuery(trpc.platform.desks.queryOptions());
  const setStatus = useMutation(trpc.platform.setStatus.mutationOptions());
  const focus = useReturnFocus();
  const [search, setSearch] = useState("");
  const [adjusting, setAdjusting] = useState<PlatformDesk | null>(null);
  const [notice, setNotice] = useState<{ variant: "success"; text: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.platform.desks.queryKey() });

  const toggling = useConfirmation(async (desk: PlatformDesk) => {
    const status = desk.status === "suspended" ? "active" : "suspended";
    await setStatus.mutateAsync({ tenantId: desk.tenantId, status });
    await refresh();
    setNotice({ variant: "success", text: status === "suspended" ? t("suspended", { desk: desk.name }) : t("resumed", { desk: desk.name }) });
  }, focus.restore);
  const asked = toggling.target;

  const content = (
    <QueryState
      query={desks}
      loading={<TableSkeleton rows={4} label={tCommon("loading")} />}
      errorMessage={t("loadFailed")}
      isEmpty={(list) => list.length === 0}
      empty={<EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />}
    >
      {(list) => {
        const needle = search.trim().toLowerCase();
        const shown = needle ? list.filter((desk) => desk.name.toLowerCase().includes(needle) || desk.slug.includes(needle)) : list;
        return (
          <div className="flex flex-col gap-3">
            <Field label={t("search")} hideLabel className="max-w-sm">
              <Input type="search" placeholder={t("search")} value={search} onChange={(event) => setSearch(event.target.value)} />
            </Field>
            {shown.length === 0 ? (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">{t("noMatch", { search: search.trim() })}</p>
            ) : (
              <Table aria-label={t("title")}>
                <TableHeader
                  columns={[
                    t("desk"),
                    t("plan"),
                    { label: t("balance"), align: "right" },
                    t("status"),
                    { label: t("agents"), align: "right" },
                    { label: t("ticketsToday"), align: "right" },
                    { label: t("actions"), srOnly: true },
                  ]}
                />
                <TableBody>
                  {shown.map((desk) => (
                    <tr key={desk.tenantId}>
                      <th scope="row" className="px-4 py-3 text-left font-normal">
                        <span className="block font-medium text-slate-900">{desk.name}</span>
                        <span className="block font-mono text-xs text-slate-500">{desk.slug}</span>
                        <span className="block text-xs whitespace-nowrap text-slate-500">{t("created", { date: format.dateTime(desk.createdAt, { dateStyle: "medium" }) })}</span>
                      </th>
                      <Cell className="whitespace-nowrap text-slate-900">{desk.planName}</Cell>
                      <Cell className="text-right font-semibold whitespace-nowrap text-slate-900 tabular-nums">{desk.balance === null ? "—" : money(desk.balance)}</Cell>
                      <Cell>
                        {desk.status === null ? (
                          <Badge variant="neutral">{t("noAccount")}</Badge>
                        ) : (
                          <Badge variant={desk.status === "suspended" ? "danger" : "success"} dot>
                            {desk.status === "suspended" ? t("statusSuspended") : t("statusActive")}
                          </Badge>
                        )}
                      </Cell>
                      <Cell className="text-right tabular-nums">{format.number(desk.agents)}</Cell>
                      <Cell className="text-right whitespace-nowrap tabular-nums">
                        <span className="block text-slate-900">{format.number(desk.ticketsToday ?? 0)}</span>
                        {desk.ticketsDay ? (
                          <span className="block text-xs text-slate-500">{t("countedOn", { day: format.dateTime(new Date(`${desk.ticketsDay}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) })}</span>
                        ) : null}
                      </Cell>
                      <Cell className="text-right whitespace-nowrap">
                        {desk.status === null ? null : (
                          <div className="flex justify-end gap-2">
                            <Button type="button" size="sm" variant="secondary" onClick={() => {
                                focus.remember();
                                setAdjusting(desk);
                              }} aria-label={t("adjustLabel", { desk: desk.name })}>
                              {t("adjust")}
                            </Button>
                            <Button
                              type="button"
                              size="sm"
                              variant={desk.status === "suspended" ? "secondary" : "dangerGhost"}
                              aria-label={desk.status === "suspended" ? t("resumeLabel", { desk: desk.name }) : t("suspendLabel", { desk: desk.name })}
                              onClick={() => {
                                focus.remember();
                                toggling.ask(desk);
                              }}
                            >
                              {desk.status === "suspended" ? t("resume") : t("suspend")}
                            </Button>
                          </div>
                        )}
                      </Cell>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            )}
          </div>
        );
      }}
    </QueryState>
  );

  return (
    <StaffSection
      title={t("title")}
      meta={desks.data ? t("count", { count: desks.data.length }) : undefined}
      description={t("description")}
    >
      <NoticeSlot notice={notice} onClose={() => setNotice(null)} />
      {content}
      <AdjustDialog
        desk={adjusting}
        currency={currency}
        onClose={() => {
          setAdjusting(null);
          focus.restore();
        }}
        onDone={async (text) => {
          await refresh();
          setNotice({ variant: "success", text });
        }}
      />
      <ConfirmDialog
        {...toggling.dialog}
        title={asked?.status === "suspended" ? t("resumeTitle", { desk: asked.name }) : t("suspendTitle", { desk: asked?.name ?? "" })}
        description={asked?.status === "suspended" ? t("resumeBody") : t("suspendBody")}
        confirmLabel={asked?.status === "suspended" ? t("resume") : t("suspend")}
        variant={asked?.status === "suspended" ? "primary" : "danger"}
      />
    </StaffSection>
  );
}
