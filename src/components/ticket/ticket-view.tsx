"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadError } from "@/components/ui/notices";
import { useTRPC } from "@/trpc/react";
import { Composer, type ComposerHandle } from "./composer";
import { Conversation } from "./conversation";
import { usePresence } from "./presence";
import type { DeskInfo, TicketData, Viewer } from "./shared";
import { TicketBanners } from "./ticket-banners";
import { TicketProvider, type TicketContextValue } from "./ticket-context";
import { TicketHeader } from "./ticket-header";
import { TicketSidebar } from "./ticket-sidebar";

/**
 * What changed between two loads of the ticket that the viewer did not do themselves: messages
 * and timeline entries of colleagues, customers and the system. Messages the viewer moved here by
 * a merge of their own count as theirs.
 */
function foreignActivity(before: TicketData, after: TicketData, me: string): string[] {
  const oldMessages = new Set(before.messages.map((m) => m.id));
  const oldEvents = new Set(before.events.map((e) => e.id));
  const newEvents = after.events.filter((e) => !oldEvents.has(e.id));
  const movedByMe = new Set(
    newEvents.filter((e) => e.actorMembershipId === me).flatMap((e) => (Array.isArray(e.data.messageIds) ? (e.data.messageIds as string[]) : [])),
  );
  const newMessages = after.messages.filter((m) => !oldMessages.has(m.id) && !movedByMe.has(m.id));
  return [...newMessages.filter((m) => m.authorMembershipId !== me).map((m) => m.id), ...newEvents.filter((e) => e.actorMembershipId !== me).map((e) => e.id)];
}

/** The ticket page: header, conversation with the composer, and the side panel of controls. */
export function TicketView({ desk, viewer, initial, loadedAt }: { desk: DeskInfo; viewer: Viewer; initial: TicketData; loadedAt: number }) {
  const t = useTranslations("ticket");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ticketId = initial.ticket.id;
  const options = useMemo(() => trpc.tickets.get.queryOptions({ desk: desk.slug, ticketId }, { initialData: initial }), [trpc, desk.slug, ticketId, initial]);
  // The server's copy is what the page was rendered with: it replaces an older one in the cache
  // (e.g. from a visit a few seconds ago, before a merge brought new messages here).
  useState(() => {
    const cached = queryClient.getQueryState(options.queryKey);
    if (cached && cached.dataUpdatedAt < loadedAt) queryClient.setQueryData(options.queryKey, initial, { updatedAt: loadedAt });
    return null;
  });
  const query = useQuery({ ...options, initialDataUpdatedAt: loadedAt });
  const data = query.data;

  // The collision guard: a reply is sent with the version of the conversation its author had
  // read. While the draft is empty that is whatever is on screen; once writing starts it is frozen
  // until the author has seen what colleagues added (or the server refused the reply).
  const [frozenVersion, setFrozenVersion] = useState<number | null>(null);
  const draftEmpty = useRef(true);
  const expectedVersion = frozenVersion ?? data.ticket.version;
  const [fresh, setFresh] = useState<{ ids: string[]; names: string[] } | null>(null);
  const [confirmation, setConfirmation] = useState<React.ReactNode>(null);
  const composer = useRef<ComposerHandle>(null);
  const conversationEnd = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const before = queryClient.getQueryData(options.queryKey);
    let after: TicketData;
    try {
      after = await queryClient.fetchQuery({ ...options, staleTime: 0 });
    } catch {
      return null; // the query shows its error
    }
    return { before, after };
  }, [queryClient, options]);

  /** After the viewer's own change: what is new is theirs, so the draft's version may follow. */
  const refresh = useCallback(async () => {
    const result = await load();
    if (!result?.before) return;
    const { before, after } = result;
    const foreign = foreignActivity(before, after, viewer.membershipId);
    if (foreign.length > 0) {
      setFresh((current) => ({ ids: [...(current?.ids ?? []), ...foreign], names: current?.names ?? [] }));
    } else {
      setFrozenVersion((version) => (version !== null && version === before.ticket.version ? after.ticket.version : version));
    }
  }, [load, viewer.membershipId]);

  /** A colleague (or the customer) changed the ticket: show it, keep the draft's version. */
  const onRemoteChange = useCallback(async () => {
    const result = await load();
    if (!result?.before) return;
    const { before, after } = result;
    const foreign = foreignActivity(before, after, viewer.membershipId);
    if (foreign.length === 0) {
      setFrozenVersion((version) => (version !== null && version === before.ticket.version ? after.ticket.version : version));
      return;
    }
    const names = [
      ...after.messages.filter((m) => foreign.includes(m.id)).map((m) => m.authorName ?? (after.customer.name || after.customer.email)),
      ...after.events.filter((e) => foreign.includes(e.id)).map((e) => e.actorName ?? ""),
    ].filter(Boolean);
    setFresh((current) => ({ ids: [...(current?.ids ?? []), ...foreign], names: [...new Set([...(current?.names ?? []), ...names])] }));
  }, [load, viewer.membershipId]);

  const presence = usePresence(desk.slug, ticketId, viewer.membershipId);
  useSubscription(
    trpc.tickets.changes.subscriptionOptions(
      { desk: desk.slug },
      {
        onData: (change) => {
          if (change.ticketId !== ticketId) return;
          if (change.kind === "presence") presence.receive(change);
          else void onRemoteChange();
        },
      },
    ),
  );

  /** "I have read it": the new entries are acknowledged and the draft may be sent against them. */
  const acknowledge = useCallback(
    (scroll: boolean) => {
      setFrozenVersion((version) => (version === null ? null : data.ticket.version));
      setFresh(null);
      if (scroll) conversationEnd.current?.scrollIntoView({ behavior: "smooth", block: "end" });
    },
    [data.ticket.version],
  );

  const onDraftChange = useCallback(
    (empty: boolean) => {
      if (empty === draftEmpty.current) return;
      draftEmpty.current = empty;
      setFrozenVersion(empty ? null : data.ticket.version);
    },
    [data.ticket.version],
  );

  /** The server refused a stale reply: the draft stays, the conversation is reloaded and read. */
  const onConflict = useCallback(async () => {
    const result = await load();
    if (result) setFrozenVersion(result.after.ticket.version);
    setFresh(null);
  }, [load]);

  const onSent = useCallback(async () => {
    draftEmpty.current = true;
    setFrozenVersion(null);
    await refresh();
    conversationEnd.current?.scrollIntoView({ behavior: "smooth", block: "end" });
  }, [refresh]);

  // Keyboard: R starts a reply, N a private note (when not typing somewhere).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true'], [role='dialog'], [role='menu'], [role='listbox']")) return;
      const key = event.key.toLowerCase();
      if (key === "r" || key === "n") {
        event.preventDefault();
        composer.current?.focus(key === "r" ? "reply" : "note");
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const context = useMemo<TicketContextValue>(
    () => ({ desk, viewer, data, refresh, announce: setConfirmation }),
    [desk, viewer, data, refresh],
  );
  const highlighted = useMemo(() => new Set(fresh?.ids ?? []), [fresh]);
  const unavailable = query.isError && query.error.data?.code === "NOT_FOUND";

  return (
    <TicketProvider value={context}>
      <div className="mx-auto max-w-7xl">
        <TicketHeader presence={presence.others} />
        <div className="mb-4 flex flex-col gap-3 empty:hidden">
          {unavailable ? (
            <Alert variant="warning" title={t("page.unavailable")} action={<Button asChild variant="secondary" size="sm"><Link href={`/d/${desk.slug}/tickets`}>{t("page.backToTickets")}</Link></Button>}>
              {t("page.unavailableDescription")}
            </Alert>
          ) : query.isError ? (
            <LoadError message={t("page.refreshFailed")} onRetry={() => void query.refetch()} />
          ) : null}
          {confirmation ? (
            <Alert
              variant="success"
              action={
                <Button variant="ghost" size="sm" onClick={() => setConfirmation(null)}>
                  {t("page.dismiss")}
                </Button>
              }
            >
              {confirmation}
            </Alert>
          ) : null}
          <TicketBanners />
        </div>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_19rem]">
          <div className="flex min-w-0 flex-col gap-4">
            <Conversation highlighted={highlighted} />
            <div ref={conversationEnd} />
            {fresh ? (
              <Alert
                variant="info"
                title={t("live.newActivity")}
                action={
                  <div className="flex gap-2">
                    <Button variant="secondary" size="sm" onClick={() => acknowledge(true)}>
                      {t("live.show")}
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => acknowledge(false)}>
                      {t("live.dismiss")}
                    </Button>
                  </div>
                }
              >
                {fresh.names.length > 0 ? t("live.by", { names: fresh.names.join(", ") }) : null}
              </Alert>
            ) : null}
            <Composer
              ref={composer}
              expectedVersion={expectedVersion}
              stale={fresh !== null && frozenVersion !== null}
              typingOthers={presence.others.filter((p) => p.typing).map((p) => p.name)}
              onDraftChange={onDraftChange}
              onTyping={presence.typing}
              onConflict={onConflict}
              onSent={onSent}
            />
          </div>
          <TicketSidebar />
        </div>
      </div>
    </TicketProvider>
  );
}
