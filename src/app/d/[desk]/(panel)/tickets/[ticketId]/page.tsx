import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TicketView } from "@/components/ticket/ticket-view";
import { loadDesk } from "../../../_data/desk";

type Params = Promise<{ desk: string; ticketId: string }>;

/** The ticket as the viewer may see it; an unknown one, or one they may not see, is the 404 page. */
const loadTicket = cache(async (slug: string, ticketId: string) => {
  const { desk, me, api, membershipId, role, grants } = await loadDesk(slug, `/d/${slug}/tickets/${ticketId}`);
  try {
    const ticket = await api.tickets.get({ desk: slug, ticketId });
    return { desk, me, ticket, membership: { membershipId, role, grants }, loadedAt: Date.now() };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { desk, ticketId } = await params;
  const { ticket } = await loadTicket(desk, ticketId);
  return { title: `#${ticket.ticket.number} ${ticket.ticket.subject}` };
}

export default async function TicketPage({ params }: { params: Params }) {
  const { desk: slug, ticketId } = await params;
  const { desk, me, ticket, membership, loadedAt } = await loadTicket(slug, ticketId);
  return (
    <TicketView
      key={ticket.ticket.id}
      desk={{ slug: desk.slug, displayName: desk.displayName, timeZone: desk.timeZone }}
      viewer={{
        membershipId: membership.membershipId,
        name: me.name,
        role: membership.role,
        grants: membership.grants,
      }}
      initial={ticket}
      loadedAt={loadedAt}
    />
  );
}
