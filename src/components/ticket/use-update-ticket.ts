"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { useTRPC } from "@/trpc/react";
import type { priorities, statuses } from "./shared";
import { useTicket } from "./ticket-context";

export type TicketChanges = {
  status?: (typeof statuses)[number];
  priority?: (typeof priorities)[number];
  assigneeMembershipId?: string | null;
  tags?: string[];
};

/** tickets.update for this ticket, refetching after it; the failure is kept (in words) for the side panel. */
export function useUpdateTicket() {
  const trpc = useTRPC();
  const { desk, data, refresh } = useTicket();
  const mutation = useMutation(trpc.tickets.update.mutationOptions());
  const failure = useCallFailure();
  const update = (changes: TicketChanges): Promise<boolean> =>
    failure.run(async () => {
      await mutation.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, changes });
      await refresh();
    });
  return { update, pending: mutation.isPending, error: failure.message };
}
