"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";

/**
 * Keeps the desk's ticket lists and queue counts live: every change the server announces (a new
 * ticket, an update, a message) refetches what is on screen. Bursts (a bulk action) are merged
 * into one refetch. On (re)connection it refetches too, for what happened before the stream was up.
 */
export function useLiveInbox(desk: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [batch] = useState(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    return {
      run(work: () => void) {
        if (timer) return;
        timer = setTimeout(() => {
          timer = null;
          work();
        }, 250);
      },
      cancel() {
        if (timer) clearTimeout(timer);
        timer = null;
      },
    };
  });
  useEffect(() => () => batch.cancel(), [batch]);

  const refresh = () =>
    batch.run(() => {
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.inbox.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.counts.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.search.pathKey() });
    });

  return useSubscription(
    trpc.tickets.changes.subscriptionOptions(
      { desk },
      {
        // Whatever changed before the stream was up (the first load, or a lost connection).
        onStarted: refresh,
        onData: (change) => {
          if (change.kind !== "presence") refresh();
        },
      },
    ),
  );
}
