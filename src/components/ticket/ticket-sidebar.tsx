"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TicketMailLink } from "@/components/internal-mail/ticket-mail-link";
import { useId, useState } from "react";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect, Options } from "@/components/ui/native-select";
import { useTRPC } from "@/trpc/react";
import { AssigneePicker } from "./assignee-picker";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { ForwardDialog } from "./forward-dialog";
import { MergeDialog } from "./merge-dialog";
import { PriorityReasons } from "./priority-reasons";
import { SlaClocks } from "./sla-clocks";
import { priorities, statuses, viewerCan } from "./shared";
import { TagsEditor } from "./tags-editor";
import { FollowersEditor } from "./followers-editor";
import { useUpdateTicket, type TicketChanges } from "./use-update-ticket";
import { useTicket } from "./ticket-context";

function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section className="border-b border-slate-100 px-4 py-3 last:border-b-0" aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The controls of the ticket: state, people, tags and the actions that move it. */
export function TicketSidebar() {
  const t = useTranslations("ticket.side");
  const tStatus = useTranslations("ticket.status");
  const tPriority = useTranslations("ticket.priority");
  const tPriorityReasons = useTranslations("priority.ticket");
  const trpc = useTRPC();
  const router = useRouter();
  const ids = useId();
  const { desk, viewer, data, refresh } = useTicket();
  const { ticket, customer, department } = data;
  const { update, pending, error } = useUpdateTicket();
  const trash = useMutation(trpc.tickets.trash.mutationOptions());
  const purge = useMutation(trpc.tickets.purge.mutationOptions());
  const moving = useCallFailure();
  const [dialog, setDialog] = useState<"forward" | "merge" | null>(null);

  const trashed = ticket.deletedAt !== null;
  const mayReply = viewerCan(viewer, "ticket.reply", ticket.departmentId);
  const mayManage = viewerCan(viewer, "ticket.manage", ticket.departmentId);
  const mayPurge = viewerCan(viewer, "ticket.purge");
  const locked = trashed || !mayReply;

  const moveToTrash = (trashedNow: boolean) =>
    moving.run(async () => {
      await trash.mutateAsync({ desk: desk.slug, ticketId: ticket.id, trashed: trashedNow });
      await refresh();
    });

  const purging = useConfirmation(async () => {
    await purge.mutateAsync({ desk: desk.slug, ticketId: ticket.id });
    router.push(`/d/${desk.slug}/tickets`);
  });

  return (
    <aside aria-label={t("label")} className="rounded-xl border border-slate-200 bg-white shadow-xs lg:sticky lg:top-4">
      <Section title={t("properties")} id={`${ids}-properties`}>
        <div className="flex flex-col gap-3">
          <div className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-2">
            <label htmlFor={`${ids}-status`} className="text-sm text-slate-600">
              {t("status")}
            </label>
            <NativeSelect
              id={`${ids}-status`}
              className="h-8"
              value={ticket.status}
              disabled={locked || pending}
              onChange={(e) => void update({ status: e.target.value as TicketChanges["status"] })}
            >
              <Options items={statuses} label={(status) => tStatus(status)} />
            </NativeSelect>
            <label htmlFor={`${ids}-priority`} className="text-sm text-slate-600">
              {t("priority")}
            </label>
            <NativeSelect
              id={`${ids}-priority`}
              className="h-8"
              value={ticket.priority}
              disabled={locked || pending}
              onChange={(e) => void update({ priority: e.target.value as TicketChanges["priority"] })}
            >
              <Options items={priorities} label={(priority) => tPriority(priority)} />
            </NativeSelect>
            <span id={`${ids}-assignee`} className="text-sm text-slate-600">
              {t("assignee")}
            </span>
            <AssigneePicker labelId={`${ids}-assignee`} disabled={locked || pending} onChange={(membershipId) => update({ assigneeMembershipId: membershipId })} />
          </div>
          {!locked && data.ticket.assigneeMembershipId !== viewer.membershipId ? (
            <Button variant="link" size="sm" className="self-start" disabled={pending} onClick={() => void update({ assigneeMembershipId: viewer.membershipId })}>
              {t("assignToMe")}
            </Button>
          ) : null}
          {error ? <Alert variant="error">{error}</Alert> : null}
        </div>
      </Section>

      <SlaClocks headingId={`${ids}-sla`} />

      <Section title={tPriorityReasons("title")} id={`${ids}-priority-reasons`}>
        <PriorityReasons locked={locked} />
      </Section>

      <Section title={t("tags")} id={`${ids}-tags`}>
        <TagsEditor disabled={locked} />
      </Section>

      <Section title={t("department")} id={`${ids}-department`}>
        <p className="mb-2 text-sm font-medium text-slate-900">{department.name}</p>
        {mayManage && !trashed ? (
          <Button variant="secondary" size="sm" className="w-full" onClick={() => setDialog("forward")}>
            {t("forward")}
          </Button>
        ) : null}
      </Section>

      <Section title={t("requester")} id={`${ids}-requester`}>
        <p className="text-sm font-medium break-words text-slate-900">{customer.name || customer.email}</p>
        {customer.name ? <p className="text-sm break-all text-slate-600">{customer.email}</p> : null}
        {customer.phone ? <p className="text-sm text-slate-600">{customer.phone}</p> : null}
        <Link href={`/d/${desk.slug}/customers/${customer.id}`} className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
          {t("viewCustomer")}
        </Link>
      </Section>

      <Section title={t("followers")} id={`${ids}-followers`}>
        <FollowersEditor disabled={locked} />
      </Section>

      <TicketMailLink desk={desk.slug} ticketNumber={ticket.number} />

      {mayManage ? (
        <Section title={t("actions")} id={`${ids}-actions`}>
          <div className="flex flex-col gap-2">
            {!ticket.mergedIntoTicketId && !trashed ? (
              <Button variant="secondary" size="sm" onClick={() => setDialog("merge")}>
                {t("merge")}
              </Button>
            ) : null}
            {trashed ? (
              <Button variant="secondary" size="sm" loading={trash.isPending} onClick={() => void moveToTrash(false)}>
                {t("restore")}
              </Button>
            ) : (
              <Button variant="dangerGhost" size="sm" loading={trash.isPending} onClick={() => void moveToTrash(true)}>
                {t("moveToTrash")}
              </Button>
            )}
            {trashed && mayPurge ? (
              <Button
                variant="danger"
                size="sm"
                onClick={() => purging.ask(true)}
              >
                {t("purge")}
              </Button>
            ) : null}
            {moving.message ? <Alert variant="error">{moving.message}</Alert> : null}
          </div>
        </Section>
      ) : null}

      <ForwardDialog open={dialog === "forward"} onOpenChange={(open) => setDialog(open ? "forward" : null)} />
      <MergeDialog open={dialog === "merge"} onOpenChange={(open) => setDialog(open ? "merge" : null)} />
      <ConfirmDialog {...purging.dialog} variant="danger" title={t("purgeTitle", { number: ticket.number })} description={t("purgeDescription")} confirmLabel={t("purgeConfirm")} />
    </aside>
  );
}
