"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { serverMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { viewerCan } from "./shared";
import { ticketHref, useTicket } from "./ticket-context";

/** The states that change what can be done here: in the trash, merged away, held. */
export function TicketBanners() {
  const t = useTranslations("ticket.banners");
  const trpc = useTRPC();
  const { desk, viewer, data, refresh, announce } = useTicket();
  const { ticket } = data;
  const failure = useCallFailure(serverMessage);
  const trash = useMutation(trpc.tickets.trash.mutationOptions());
  const unmerge = useMutation(trpc.tickets.unmerge.mutationOptions());
  const notSpam = useMutation(trpc.mail.notSpam.mutationOptions());
  const spam = useMutation(trpc.mail.spam.mutationOptions());
  const maySort = viewerCan(viewer, "desk.settings");

  const judge = (verdict: "notSpam" | "spam") =>
    failure.run(async () => {
      await (verdict === "spam" ? spam : notSpam).mutateAsync({ desk: desk.slug, ticketId: ticket.id });
      await refresh();
      announce(t(verdict === "spam" ? "markedSpam" : "markedNotSpam"));
    });
  const mayManage = viewerCan(viewer, "ticket.manage", ticket.departmentId);
  const mergedInto = ticket.mergedIntoTicketId
    ? data.events.findLast((e) => e.type === "merged_into" && e.data.ticketId === ticket.mergedIntoTicketId)
    : undefined;
  const targetNumber = typeof mergedInto?.data.number === "number" ? mergedInto.data.number : null;

  const restore = () =>
    failure.run(async () => {
      await trash.mutateAsync({ desk: desk.slug, ticketId: ticket.id, trashed: false });
      await refresh();
      announce(t("restored"));
    });

  const undoMerge = async () => {
    const targetId = ticket.mergedIntoTicketId;
    if (!targetId) return;
    await failure.run(async () => {
      await unmerge.mutateAsync({ desk: desk.slug, sourceId: ticket.id, targetId });
      await refresh();
      announce(t("unmerged"));
    });
  };

  return (
    <>
      {ticket.deletedAt ? (
        <Alert
          variant="warning"
          title={t("trashTitle")}
          action={
            mayManage ? (
              <Button variant="secondary" size="sm" loading={trash.isPending} onClick={() => void restore()}>
                {t("restore")}
              </Button>
            ) : null
          }
        >
          {t("trashDescription")}
        </Alert>
      ) : null}
      {ticket.mergedIntoTicketId ? (
        <Alert
          variant="info"
          title={targetNumber !== null ? t("mergedTitle", { number: targetNumber }) : t("mergedTitleUnknown")}
          action={
            <div className="flex flex-wrap gap-2">
              <Button asChild variant="secondary" size="sm">
                <Link href={ticketHref(desk.slug, ticket.mergedIntoTicketId)}>{t("openTarget")}</Link>
              </Button>
              {mayManage ? (
                <Button variant="ghost" size="sm" loading={unmerge.isPending} onClick={() => void undoMerge()}>
                  {t("undoMerge")}
                </Button>
              ) : null}
            </div>
          }
        >
          {t("mergedDescription")}
        </Alert>
      ) : null}
      {ticket.heldReason ? (
        <Alert
          variant="warning"
          title={t("heldTitle")}
          action={
            ticket.heldReason === "spam" && maySort && !ticket.deletedAt ? (
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" size="sm" loading={notSpam.isPending} onClick={() => void judge("notSpam")}>
                  {t("notSpam")}
                </Button>
                <Button variant="dangerGhost" size="sm" loading={spam.isPending} onClick={() => void judge("spam")}>
                  {t("spam")}
                </Button>
              </div>
            ) : null
          }
        >
          {t(`held.${ticket.heldReason}`)}
        </Alert>
      ) : null}
      {failure.message ? <Alert variant="error">{failure.message}</Alert> : null}
    </>
  );
}
