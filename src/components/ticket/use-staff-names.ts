"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/trpc/react";
import { viewerCan } from "./shared";
import { useTicket } from "./ticket-context";

/**
 * The desk's staff, for the assignee picker and the timeline's names. Only owners and admins may
 * list staff; for agents the list is empty and callers fall back to what the ticket itself names
 * (the viewer, the current assignee, authors of messages and changes).
 */
export function useStaff() {
  const trpc = useTRPC();
  const { desk, viewer, data } = useTicket();
  const mayList = viewerCan(viewer, "staff.manage");
  const query = useQuery(trpc.staff.list.queryOptions({ desk: desk.slug }, { enabled: mayList }));
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const person of query.data ?? []) map.set(person.membershipId, person.name);
    for (const m of data.messages) if (m.authorMembershipId && m.authorName) map.set(m.authorMembershipId, m.authorName);
    for (const e of data.events) if (e.actorMembershipId && e.actorName) map.set(e.actorMembershipId, e.actorName);
    if (data.assignee) map.set(data.assignee.membershipId, data.assignee.name);
    map.set(viewer.membershipId, viewer.name);
    return map;
  }, [query.data, data, viewer]);
  return { mayList, query, names };
}
