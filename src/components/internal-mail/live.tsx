"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";

/**
 * Keeps internal mail live for the whole panel (mounted once, in the shell): a new message or a
 * read in another tab refetches the badge, the thread list and the open thread through the
 * normal, permission-checked queries. On (re)connection it refetches too.
 */
export function InternalMailLive({ desk }: { desk: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const state = useQuery(trpc.internalMail.state.queryOptions({ desk }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.internalMail.state.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.internalMail.threads.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.internalMail.thread.pathKey() });
  };
  useSubscription(
    trpc.internalMail.changes.subscriptionOptions({ desk }, { enabled: state.data?.enabled === true, onStarted: refresh, onData: refresh }),
  );
  return null;
}

/** The unread count beside "Mail" in the navigation; nothing when there is none or no option. */
export function MailNavBadge({ desk }: { desk: string }) {
  const t = useTranslations("internalMail");
  const trpc = useTRPC();
  const state = useQuery(trpc.internalMail.state.queryOptions({ desk }));
  const unread = state.data?.enabled ? state.data.unread : 0;
  if (unread === 0) return null;
  return (
    <span data-testid="mail-unread" className="ml-auto rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white tabular-nums">
      <span aria-hidden="true">{unread > 99 ? "99+" : unread}</span>
      <span className="sr-only">{t("nav.unread", { count: unread })}</span>
    </span>
  );
}
