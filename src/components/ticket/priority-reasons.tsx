"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { viewerCan } from "./shared";
import { useTicket } from "./ticket-context";

type Reason = { ruleId: string; name: string; weight: number };

const signed = (weight: number) => (weight > 0 ? `+${weight}` : weight < 0 ? `−${Math.abs(weight)}` : "0");

/** "VIP customer +20, Outage +5": the rules that fired, as one line. */
export function reasonsLine(reasons: readonly Reason[]): string {
  return reasons.map((r) => `${r.name} ${signed(r.weight)}`).join(", ");
}

/** Why the ticket has its priority: the rules' score and the rules that fired, or "set by hand" with the way back. */
export function PriorityReasons({ locked }: { locked: boolean }) {
  const t = useTranslations("priority.ticket");
  const trpc = useTRPC();
  const { desk, viewer, data, refresh, announce } = useTicket();
  const { ticket } = data;
  const back = useMutation(trpc.tickets.returnToAutomatic.mutationOptions());
  const failure = useCallFailure();
  const mayReply = viewerCan(viewer, "ticket.reply", ticket.departmentId);

  const returnToAutomatic = () =>
    failure.run(async () => {
      await back.mutateAsync({ desk: desk.slug, ticketId: ticket.id });
      await refresh();
      announce(t("returned"));
    });

  if (ticket.priorityManual) {
    return (
      <div className="flex flex-col gap-2 text-sm" data-testid="priority-reasons">
        <p>
          <span className="font-medium text-slate-900">{t("manual")}</span>
          <span className="block text-slate-500">{t("manualHint")}</span>
        </p>
        {mayReply && !locked ? (
          <Button variant="secondary" size="sm" className="self-start" loading={back.isPending} onClick={() => void returnToAutomatic()}>
            {t("returnToAutomatic")}
          </Button>
        ) : null}
        {failure.message ? <Alert variant="error">{failure.message}</Alert> : null}
      </div>
    );
  }

  const reasons = ticket.priorityReasons ?? [];
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="priority-reasons">
      {ticket.priorityScore === null ? (
        <p className="text-slate-600">{t("noRules")}</p>
      ) : (
        <>
          <p className="font-medium text-slate-900">{t("automatic", { score: ticket.priorityScore })}</p>
          {reasons.length ? (
            <ul className="flex flex-col gap-0.5 text-slate-600">
              {reasons.map((reason) => (
                <li key={reason.ruleId} className="flex justify-between gap-3">
                  <span className="min-w-0 break-words">{reason.name}</span>
                  <span className="font-mono tabular-nums">{signed(reason.weight)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-500">{t("noneFired")}</p>
          )}
        </>
      )}
      {viewerCan(viewer, "desk.settings") ? (
        <Link href={`/d/${desk.slug}/settings/priority`} className="mt-1 self-start text-sm font-medium text-brand-700 hover:underline">
          {t("rulesLink")}
        </Link>
      ) : null}
    </div>
  );
}

const asReasons = (value: unknown): Reason[] =>
  Array.isArray(value)
    ? value.filter((r): r is Reason => typeof r === "object" && r !== null && typeof (r as Reason).name === "string" && typeof (r as Reason).weight === "number")
    : [];

/** Under an automatic priority change on the timeline: "Score 25: VIP customer +20, Outage +5". */
export function PriorityScoreDetail({ data }: { data: Record<string, unknown> }) {
  const t = useTranslations("priority.timeline");
  if (typeof data.score !== "number") return null;
  const reasons = asReasons(data.reasons);
  return <>{reasons.length ? t("reasons", { score: data.score, reasons: reasonsLine(reasons) }) : t("noReasons", { score: data.score })}</>;
}
