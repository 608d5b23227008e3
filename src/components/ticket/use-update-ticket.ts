"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ErrorMessage } from "@/components/forms/errors";
import { useTRPC } from "@/trpc/react";
import { callError } from "./errors";
import type { priorities, statuses } from "./shared";
import { useTicket } from "./ticket-context";

export type TicketChanges = {
  status?: (typeof statuses)[number];
  priority?: (typeof priorities)[number];
  assigneeMembershipId?: string | null;
  tags?: string[];
};

/** tickets.update for this ticket, refetching after it; the error is kept for the side panel. */
export function useUpdateTicket() {
  const trpc = useTRPC();
  const { desk, data, refresh } = useTicket();
  const mutation = useMutation(trpc.tickets.update.mutationOptions());
  const [error, setError] = useState<ErrorMessage>(null);
  const update = async (changes: TicketChanges): Promise<boolean> => {
    setError(null);
    try {
      await mutation.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, changes });
      await refresh();
      return true;
    } catch (e) {
      setError(callError(e));
      return false;
    }
  };
  return { update, pending: mutation.isPending, error, clearError: () => setError(null) };
}

