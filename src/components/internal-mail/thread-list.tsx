"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";

/** The start of a Markdown message as one line of text (emphasis and link marks dropped). */
const plainPreview = (text: string) => text.replace(/[*_`#>~[\]]/g, "").replace(/\s+/g, " ").trim();

type Props = {
  desk: string;
  timeZone: string;
  enabled: boolean;
  selected: string | null;
  onSelect: (threadId: string) => void;
  onCompose: () => void;
};

/** The caller's conversations, most recent first; unread ones in bold with a dot. */
export function ThreadList({ desk, timeZone, enabled, selected, onSelect, onCompose }: Props) {
  const t = useTranslations("internalMail");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.internalMail.threads.infiniteQueryOptions({ desk, limit: 30 }, { getNextPageParam: (page) => page.nextCursor }));

  return (
    <QueryState
      query={list}
      loading={<ListSkeleton rows={5} label={t("loading")} rowClassName="h-14 w-full" className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3" />}
      errorMessage={t("list.loadFailed")}
      isEmpty={(data) => data.pages.every((page) => page.threads.length === 0)}
      empty={
        <EmptyState
          icon={
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5">
              <path d="M3.75 6.75h16.5v10.5H3.75z" strokeLinejoin="round" />
              <path d="m3.75 6.75 8.25 6 8.25-6" strokeLinejoin="round" />
            </svg>
          }
          title={t("list.emptyTitle")}
          description={enabled ? t("list.emptyDescription") : t("list.emptyDisabled")}
          action={enabled ? <Button variant="secondary" onClick={onCompose}>{t("new.button")}</Button> : undefined}
        />
      }
    >
      {(data) => {
        const threads = data.pages.flatMap((page) => page.threads);

        return (
          <div className="rounded-xl border border-slate-200 bg-white">
            <ul aria-label={t("list.label")} className="divide-y divide-slate-100">
              {threads.map((thread) => {
                const names = thread.participants.map((p) => p.name).join(", ");
                const active = thread.id === selected;
                return (
                  <li key={thread.id}>
                    <button
                      type="button"
                      onClick={() => onSelect(thread.id)}
                      aria-current={active ? "true" : undefined}
                      data-testid="mail-thread"
                      className={cn(
                        "flex w-full flex-col gap-0.5 px-4 py-3 text-left hover:bg-slate-50 focus-visible:relative focus-visible:z-10",
                        active && "bg-brand-50 hover:bg-brand-50",
                      )}
                    >
                      <span className="flex items-center gap-2">
                        {thread.unread ? <span className="size-2 shrink-0 rounded-full bg-brand-600" aria-hidden="true" /> : null}
                        <span className={cn("min-w-0 flex-1 truncate text-sm", thread.unread ? "font-semibold text-slate-900" : "text-slate-700")}>{names || t("list.onlyYou")}</span>
                        <time dateTime={thread.lastMessageAt.toISOString()} className="shrink-0 text-xs text-slate-500 tabular-nums">
                          {format.dateTime(thread.lastMessageAt, { dateStyle: "short", timeStyle: "short", timeZone })}
                        </time>
                      </span>
                      <span className={cn("truncate text-sm", thread.unread ? "font-semibold text-slate-900" : "text-slate-800")}>
                        {thread.unread ? <span className="sr-only">{t("list.unread")} </span> : null}
                        {thread.hasTicket ? <span className="sr-only">{t("list.aboutTicket")} </span> : null}
                        {thread.subject}
                      </span>
                      <span className="truncate text-xs text-slate-500">
                        {thread.lastFromMe ? `${t("thread.you")}: ` : thread.lastAuthorName ? `${thread.lastAuthorName}: ` : ""}
                        {plainPreview(thread.preview)}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {list.hasNextPage ? (
              <div className="border-t border-slate-100 p-3 text-center">
                <Button variant="secondary" size="sm" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {t("list.more")}
                </Button>
              </div>
            ) : null}
          </div>
        );
      }}
    </QueryState>
  );
}
