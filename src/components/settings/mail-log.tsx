"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { strokeIcon } from "@/components/ui/icon";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Cell, ShowMore, Table, TableBody, TableHeader } from "@/components/ui/table";
import type { OutboxMessage } from "@/server/outbox/schema";
import { useTRPC } from "@/trpc/react";
import { MailMessageDialog } from "./mail-message-dialog";
import { MailStatusBadge, useMailKind } from "./mail-status";

const MailIcon = strokeIcon("0 0 24 24", "", <><rect x="3" y="5" width="18" height="14" rx="2" /><path d="m3.5 6 8.5 7 8.5-7" /></>);

/** Settings → Mail log: every mail of the desk, newest first, and whether it is delivered at all. */
export function MailLog({ desk, timeZone }: { desk: string; timeZone: string }) {
  const t = useTranslations("panel.settings.mail");
  const format = useFormatter();
  const kind = useMailKind();
  const trpc = useTRPC();
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const query = useInfiniteQuery(trpc.mail.outbox.infiniteQueryOptions({ desk, limit: 50 }, { getNextPageParam: (page) => page.nextCursor }));

  return (
    <QueryState
      query={query}
      loading={<ListSkeleton rows={5} rowClassName="h-10 w-full" before={<Skeleton className="mb-2 h-16 w-full" />} />}
      errorMessage={t("error")}
    >
      {(log) => {
        const messages = log.pages.flatMap((page) => page.messages);
        const smtp = log.pages[0]?.smtpConfigured ?? false;

        return (
          <div className="flex flex-col gap-4">
            {smtp ? (
              <Alert variant="success" title={t("smtpOnTitle")}>
                {t("smtpOn")}
              </Alert>
            ) : (
              <Alert variant="info" title={t("smtpOffTitle")}>
                {t("smtpOff")}
              </Alert>
            )}
            {messages.length === 0 ? (
              <EmptyState
                title={t("emptyTitle")}
                description={t("emptyDescription")}
                icon={<MailIcon />}
              />
            ) : (
              <Table
                aria-label={t("title")}
                footer={<ShowMore paging={query} label={t("more")} />}
              >
                <TableHeader
                  columns={[t("created"), t("to"), t("subject"), t("statusLabel"), t("attempts"), t("lastError")]}
                />
                <TableBody>
                  {messages.map((message) => (
                    <tr key={message.id} className="cursor-pointer hover:bg-slate-50" onClick={() => setOpen(message)}>
                      <Cell className="whitespace-nowrap">
                        <time dateTime={message.createdAt.toISOString()}>
                          <span className="block text-slate-900">{format.dateTime(message.createdAt, { dateStyle: "medium", timeZone })}</span>
                          <span className="block text-xs text-slate-500">{format.dateTime(message.createdAt, { timeStyle: "short", timeZone })}</span>
                        </time>
                      </Cell>
                      <Cell className="max-w-52 truncate text-slate-900" title={message.toAddress}>
                        {message.toAddress}
                      </Cell>
                      <Cell className="max-w-72">
                        <button
                          type="button"
                          className="block max-w-full cursor-pointer truncate text-left font-medium text-slate-900 hover:text-brand-700 hover:underline"
                          title={message.subject}
                          aria-label={t("viewLabel", { subject: message.subject })}
                          onClick={(event) => {
                            event.stopPropagation();
                            setOpen(message);
                          }}
                        >
                          {message.subject}
                        </button>
                        <span className="block text-xs text-slate-500">
                          <span className="sr-only">{t("kind")}: </span>
                          {kind(message.kind)}
                        </span>
                      </Cell>
                      <Cell>
                        <MailStatusBadge status={message.status} />
                      </Cell>
                      <Cell className="text-right tabular-nums">{message.attempts}</Cell>
                      <Cell className="max-w-48 truncate text-xs text-red-700" title={message.lastError ?? undefined}>
                        {message.lastError ?? <span className="text-slate-400">—</span>}
                      </Cell>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            )}
            <p className="text-xs text-slate-500">{t("timeZone", { timeZone: timeZone.replaceAll("_", " ") })}</p>
            <MailMessageDialog message={open} timeZone={timeZone} onClose={() => setOpen(null)} />
          </div>
        );
      }}
    </QueryState>
  );
}
