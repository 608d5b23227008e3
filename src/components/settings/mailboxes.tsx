"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { callError } from "@/components/ticket/errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { DismissibleNotice, useNotice } from "@/components/ui/notices";
import { QueryState } from "@/components/ui/query-state";
import { SectionHeading } from "@/components/ui/section-heading";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";
import { MailboxDialog, type MailboxRow, type MailboxTarget } from "./mailbox-dialog";
import { OptionNeeded } from "./option-needed";

/** Settings → Mail → Mailboxes: the IMAP accounts (Gmail and others) whose mail becomes tickets. */
export function Mailboxes({ desk }: { desk: string }) {
  const t = useTranslations("mail.mailboxes");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.mail.mailboxes.queryOptions({ desk }));
  const departments = useQuery(trpc.departments.list.queryOptions({ desk }));
  const check = useMutation(trpc.mail.checkMailbox.mutationOptions());
  const remove = useMutation(trpc.mail.deleteMailbox.mutationOptions());
  const [target, setTarget] = useState<MailboxTarget | null>(null);
  const notices = useNotice();
  const openDepartments = (departments.data ?? []).filter((d) => !d.archivedAt).map((d) => ({ id: d.id, name: d.name }));
  const departmentName = (id: string | null) => (id ? (openDepartments.find((d) => d.id === id)?.name ?? t("archivedDepartment")) : t("defaultDepartment"));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.mail.mailboxes.queryKey() });
  const deletion = useConfirmation(async (mailbox: MailboxRow) => {
    await remove.mutateAsync({ desk, id: mailbox.id });
    notices.show({ variant: "success", text: t("deleted", { address: mailbox.address }) });
    await refresh();
  });

  const checkNow = async (mailbox: MailboxRow) => {
    try {
      const result = await check.mutateAsync({ desk, id: mailbox.id });
      if (result.error) notices.show({ variant: "error", text: t("checkFailed", { address: mailbox.address, reason: result.error }) });
      else if (result.skipped === "busy") notices.show({ variant: "info", text: t("checkBusy") });
      else notices.show({ variant: "success", text: t("checked", { address: mailbox.address, imported: result.imported, failed: result.failed }) });
    } catch (error) {
      notices.fail(error, callError);
    }
    await refresh();
    await queryClient.invalidateQueries({ queryKey: trpc.mail.inbound.queryKey() });
  };

  return (
    <section aria-labelledby="mailboxes-title" className="mb-6 rounded-xl border border-slate-200 bg-white p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <SectionHeading id="mailboxes-title" title={t("title")} description={t("description")} descriptionClassName="max-w-none" />
        {list.data?.enabled ? <Button onClick={() => setTarget({ mode: "add" })}>{t("add")}</Button> : null}
      </div>
      <div className="mt-4">
        <DismissibleNotice notice={notices.notice} onClose={notices.clear} />
      </div>
      <QueryState query={list} loading={<Skeleton className="mt-2 h-16 w-full" />} errorMessage={t("loadFailed")}>
        {(data) =>
          !data.enabled ? (
            <OptionNeeded desk={desk} text={t("optionNeeded")} linkText={t("toBilling")} />
          ) : data.mailboxes.length === 0 ? (
            <p className="mt-2 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label={t("title")}>
              {data.mailboxes.map((mailbox) => (
                <li key={mailbox.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {mailbox.address}
                      {!mailbox.enabled ? <Badge variant="neutral">{t("paused")}</Badge> : mailbox.lastError ? <Badge variant="danger">{t("failing")}</Badge> : <Badge variant="success">{t("active")}</Badge>}
                    </p>
                    <p className="text-sm text-slate-600">
                      {t("summary", { host: mailbox.host, port: mailbox.port, folder: mailbox.folder, department: departmentName(mailbox.departmentId) })}
                    </p>
                    <p className="text-xs text-slate-500">
                      {mailbox.lastCheckedAt ? t("lastChecked", { when: format.dateTime(mailbox.lastCheckedAt, { dateStyle: "medium", timeStyle: "short" }), count: mailbox.importedCount }) : t("neverChecked")}
                    </p>
                    {mailbox.lastError ? <p className="mt-1 text-sm text-red-700">{t("lastError", { reason: mailbox.lastError })}</p> : null}
                  </div>
                  <div className="flex gap-2">
                    <Button size="sm" variant="secondary" loading={check.isPending && check.variables?.id === mailbox.id} disabled={!mailbox.enabled} onClick={() => void checkNow(mailbox)}>
                      {t("checkNow")}
                    </Button>
                    <Button size="sm" variant="secondary" onClick={() => setTarget({ mode: "edit", mailbox })} aria-label={t("editLabel", { address: mailbox.address })}>
                      {t("edit")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => deletion.ask(mailbox)} aria-label={t("deleteLabel", { address: mailbox.address })}>
                      {t("delete")}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <MailboxDialog desk={desk} target={target} departments={openDepartments} onClose={() => setTarget(null)} onSaved={(text) => notices.show({ variant: "success", text })} />
      <ConfirmDialog {...deletion.dialog} variant="danger" title={t("deleteTitle", { address: deletion.target?.address ?? "" })} description={t("deleteDescription")} confirmLabel={t("delete")} />
    </section>
  );
}
