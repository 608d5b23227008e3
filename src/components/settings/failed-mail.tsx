"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { callError } from "@/components/ticket/errors";
import { Button, buttonClassName } from "@/components/ui/button";
import { DismissibleNotice, useNotice, type Notice } from "@/components/ui/notices";
import { useTRPC } from "@/trpc/react";

type Failure = { id: string; error: string; createdAt: Date };

/** Failed mail, each with its original (view or download) and a retry once the cause is fixed. */
export function FailedMailList({ desk, failures }: { desk: string; failures: Failure[] }) {
  const t = useTranslations("mail.inbound");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(trpc.mail.retryFailure.mutationOptions());
  const dismiss = useMutation(trpc.mail.dismissFailure.mutationOptions());
  const notices = useNotice();
  const original = (id: string, download: boolean) => `/api/mail/original/${id}?desk=${encodeURIComponent(desk)}&source=failure${download ? "&download=1" : ""}`;
  const act = async (work: () => Promise<Notice>) => {
    try {
      notices.show(await work());
    } catch (error) {
      notices.fail(error, callError);
    }
    await queryClient.invalidateQueries({ queryKey: trpc.mail.inbound.queryKey() });
  };
  const busy = (id: string) => (retry.isPending && retry.variables?.id === id) || (dismiss.isPending && dismiss.variables?.id === id);
  return (
    <>
      <div className="mt-2">
        <DismissibleNotice notice={notices.notice} onClose={notices.clear} />
      </div>
      <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm" aria-label={t("failedTitle")}>
        {failures.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
            <div className="flex min-w-0 flex-wrap gap-x-4">
              <span className="text-slate-500 tabular-nums">{format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
              <span className="text-slate-900">{f.error}</span>
            </div>
            <div className="flex flex-wrap gap-2">
              <a href={original(f.id, false)} target="_blank" rel="noopener noreferrer" className={buttonClassName({ variant: "ghost", size: "sm" })}>
                {t("viewOriginal")}
              </a>
              <a href={original(f.id, true)} download className={buttonClassName({ variant: "ghost", size: "sm" })}>
                {t("download")}
              </a>
              <Button
                size="sm"
                variant="secondary"
                disabled={busy(f.id)}
                loading={retry.isPending && retry.variables?.id === f.id}
                onClick={() =>
                  void act(async () => {
                    const result = await retry.mutateAsync({ desk, id: f.id });
                    if (result.outcome === "failed") return { variant: "error", text: t("retryFailed", { reason: result.error ?? "" }) };
                    return { variant: "success", text: result.ticketNumber ? t("retriedTicket", { number: result.ticketNumber }) : t("retried") };
                  })
                }
              >
                {t("retry")}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={busy(f.id)}
                onClick={() =>
                  void act(async () => {
                    await dismiss.mutateAsync({ desk, id: f.id });
                    return { variant: "success", text: t("dismissed") };
                  })
                }
              >
                {t("dismiss")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
