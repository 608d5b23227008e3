"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PageHeader } from "@/components/panel/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { NewMessageDialog } from "./new-message-dialog";
import { ThreadList } from "./thread-list";
import { ThreadView } from "./thread-view";

type Props = { desk: string; timeZone: string; initialThreadId: string | null; composeTicket: string | null };

/** The Mail section: conversations on the left, the open one on the right, "New message" above. */
export function Mailbox({ desk, timeZone, initialThreadId, composeTicket }: Props) {
  const t = useTranslations("internalMail");
  const trpc = useTRPC();
  // Read afresh on opening the page: the option may have just been bought or dropped in Billing.
  const state = useQuery(trpc.internalMail.state.queryOptions({ desk }, { refetchOnMount: "always" }));
  const [selected, setSelected] = useState<string | null>(initialThreadId);
  const [composing, setComposing] = useState(composeTicket !== null);
  const enabled = state.data?.enabled === true;

  const select = (threadId: string | null) => {
    setSelected(threadId);
    // A shareable address for the open conversation, without a server round trip.
    window.history.replaceState(null, "", threadId ? `?thread=${threadId}` : window.location.pathname);
  };

  const header = (
    <PageHeader
      title={t("title")}
      description={t("description")}
      actions={
        enabled ? (
          <Button onClick={() => setComposing(true)}>
            <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
              <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
            </svg>
            {t("new.button")}
          </Button>
        ) : null
      }
    />
  );

  return (
    <>
      {header}
      <QueryState
        query={state}
        loading={<ListSkeleton rows={2} className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]" row={(i) => <Skeleton className={i ? "hidden h-96 w-full lg:block" : "h-96 w-full"} />} />}
        errorMessage={t("loadFailed")}
      >
        {(data) => (
          <>
            {!enabled ? (
              <Alert variant="info" title={t("option.title")} className="mb-4">
                {data.canEnable ? (
                  <>
                    {t("option.owner")}{" "}
                    <Link href={`/d/${desk}/billing`}>{t("option.toBilling")}</Link>
                  </>
                ) : (
                  t("option.askOwner")
                )}
              </Alert>
            ) : null}
            <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)] lg:items-start">
              <div className={cn(selected && "hidden lg:block")}>
                <ThreadList desk={desk} timeZone={timeZone} enabled={enabled} selected={selected} onSelect={select} onCompose={() => setComposing(true)} />
              </div>
              <div className={cn(!selected && "hidden lg:block")}>
                {selected ? (
                  <ThreadView key={selected} desk={desk} timeZone={timeZone} threadId={selected} canWrite={enabled} onBack={() => select(null)} />
                ) : (
                  <div className="flex h-64 items-center justify-center rounded-xl border border-dashed border-slate-300 bg-white px-6 text-center text-sm text-slate-500">
                    {t("chooseThread")}
                  </div>
                )}
              </div>
            </div>
            {enabled ? <NewMessageDialog desk={desk} open={composing} onOpenChange={setComposing} ticketNumber={composeTicket} onSent={select} /> : null}
          </>
        )}
      </QueryState>
    </>
  );
}
