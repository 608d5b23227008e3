"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { ticketHref } from "@/components/ticket/ticket-context";
import { MarkdownBody } from "@/components/ticket/markdown-body";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadingPlaceholder } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { ReplyBox } from "./reply-box";

type Props = { desk: string; timeZone: string; threadId: string; canWrite: boolean; onBack: () => void };

/** One conversation: who is in it, the linked ticket, the messages and the reply box. Showing it marks it read. */
export function ThreadView({ desk, timeZone, threadId, canWrite, onBack }: Props) {
  const t = useTranslations("internalMail");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const thread = useQuery(trpc.internalMail.thread.queryOptions({ desk, threadId }));
  const { mutate: markRead } = useMutation(trpc.internalMail.markRead.mutationOptions());
  const list = useRef<HTMLOListElement>(null);
  const marked = useRef<string | null>(null);

  const newest = thread.data?.messages.at(-1)?.id ?? null;
  const unread = thread.data !== undefined && newest !== null && thread.data.lastReadMessageId !== newest;
  useEffect(() => {
    if (!unread || marked.current === newest) return;
    marked.current = newest;
    markRead(
      { desk, threadId },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries({ queryKey: trpc.internalMail.state.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.internalMail.threads.pathKey() });
        },
      },
    );
  }, [unread, newest, desk, threadId, markRead, queryClient, trpc]);

  useEffect(() => {
    // The newest message in view, inside the list's own scroll area (the page does not jump).
    if (newest && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [newest]);

  const back = (
    <button type="button" onClick={onBack} className="mb-3 text-sm text-slate-500 hover:text-slate-900 lg:hidden">
      ← {t("thread.back")}
    </button>
  );

  if (thread.isPending) {
    return (
      <LoadingPlaceholder className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5" label={t("loading")}>
        <Skeleton className="h-6 w-2/3" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-24 w-full" />
      </LoadingPlaceholder>
    );
  }
  if (thread.isError) {
    const missing = thread.error instanceof TRPCClientError && thread.error.data?.code === "NOT_FOUND";
    return (
      <div>
        {back}
        <Alert
          variant={missing ? "warning" : "error"}
          action={missing ? undefined : <Button variant="secondary" size="sm" onClick={() => void thread.refetch()}>{t("retry")}</Button>}
        >
          {missing ? t("thread.notFound") : t("thread.loadFailed")}
        </Alert>
      </div>
    );
  }

  const data = thread.data;
  return (
    <section aria-labelledby="thread-subject" className="rounded-xl border border-slate-200 bg-white">
      <header className="border-b border-slate-100 px-5 py-4">
        {back}
        <h2 id="thread-subject" className="text-lg font-semibold break-words text-slate-900">
          {data.subject}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {t("thread.with")}{" "}
          {data.participants.map((person, index) => (
            <span key={person.membershipId}>
              {index > 0 ? ", " : ""}
              <span className="font-medium text-slate-900">{person.name}</span>
              {person.active ? null : <span className="text-slate-500"> ({t("thread.deactivated")})</span>}
            </span>
          ))}
        </p>
        {data.ticket ? (
          <p className="mt-2 text-sm">
            {data.ticket.visible ? (
              <Link href={ticketHref(desk, data.ticket.id)} className="font-medium text-brand-700 hover:underline">
                {t("thread.ticket", { number: data.ticket.number, subject: data.ticket.subject })}
              </Link>
            ) : (
              <span className="text-slate-500">{t("thread.hiddenTicket")}</span>
            )}
          </p>
        ) : null}
      </header>
      {data.olderHidden ? <p className="px-5 pt-3 text-xs text-slate-500">{t("thread.olderHidden")}</p> : null}
      <ol ref={list} aria-label={t("thread.messages")} className="flex max-h-[60vh] flex-col gap-3 overflow-y-auto px-5 py-4">
        {data.messages.map((message) => (
          <li key={message.id} data-testid="mail-message" className={cn("rounded-lg border px-4 py-3", message.mine ? "border-brand-100 bg-brand-50/40" : "border-slate-200")}>
            <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="font-medium text-slate-900">{message.mine ? t("thread.you") : (message.authorName ?? t("thread.someone"))}</span>
              <time dateTime={message.createdAt.toISOString()} className="text-xs text-slate-500 tabular-nums">
                {format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone })}
              </time>
            </div>
            <MarkdownBody text={message.body} />
          </li>
        ))}
      </ol>
      <div className="border-t border-slate-100 px-5 py-4">
        {canWrite ? <ReplyBox desk={desk} threadId={threadId} /> : <p className="text-sm text-slate-500">{t("thread.readOnly")}</p>}
      </div>
    </section>
  );
}
