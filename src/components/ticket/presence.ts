"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/trpc/react";

/** A colleague seen on this ticket. */
export type Colleague = { membershipId: string; name: string; typing: boolean };

type Seen = { name: string; expiresAt: number; typingUntil: number };
type PresenceChange = { membershipId?: string | null; typing?: boolean; name?: string };

const HEARTBEAT_MS = 20_000;
const VIEWING_MS = 30_000;
const TYPING_MS = 15_000;
const TYPING_REPEAT_MS = 8_000;
const TYPING_IDLE_MS = 4_000;

function prune(seen: Record<string, Seen>, now: number): Record<string, Seen> {
  let changed = false;
  const next: Record<string, Seen> = {};
  for (const [id, entry] of Object.entries(seen)) {
    if (entry.expiresAt <= now) {
      changed = true;
      continue;
    }
    if (entry.typingUntil !== 0 && entry.typingUntil <= now) {
      changed = true;
      next[id] = { ...entry, typingUntil: 0 };
    } else next[id] = entry;
  }
  return changed ? next : seen;
}

/**
 * Collision warning. The viewer announces "viewing" on arrival and every 20 s, and "typing" while
 * they write (repeated while they go on, "stopped" a few seconds after the last key). Colleagues'
 * announcements come in through the ticket's live changes; each expires after 30 s of silence.
 */
export function usePresence(desk: string, ticketId: string, me: string) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.tickets.presence.mutationOptions());
  const [seen, setSeen] = useState<Record<string, Seen>>({});
  const typingState = useRef<{ active: boolean; lastSent: number; timer: ReturnType<typeof setTimeout> | null }>({ active: false, lastSent: 0, timer: null });

  const send = useCallback((typing: boolean) => mutate({ desk, ticketId, typing }, { onError: () => undefined }), [mutate, desk, ticketId]);

  useEffect(() => {
    send(false);
    const heartbeat = setInterval(() => {
      if (!typingState.current.active) send(false);
    }, HEARTBEAT_MS);
    const sweep = setInterval(() => setSeen((current) => prune(current, Date.now())), 2_000);
    const state = typingState.current;
    return () => {
      clearInterval(heartbeat);
      clearInterval(sweep);
      if (state.timer) clearTimeout(state.timer);
    };
  }, [send]);

  // Whom we have heard from lately: a newcomer is answered at once, so they see us without waiting
  // for our next heartbeat (they already know of us when we hear from them again: no ping-pong).
  const known = useRef(new Map<string, number>());

  const receive = useCallback(
    (change: PresenceChange) => {
      const id = change.membershipId;
      if (!id || id === me) return;
      const now = Date.now();
      const last = known.current.get(id);
      known.current.set(id, now);
      if (last === undefined || now - last > VIEWING_MS) send(typingState.current.active);
      setSeen((current) => ({
        ...current,
        [id]: { name: change.name || current[id]?.name || "", expiresAt: now + VIEWING_MS, typingUntil: change.typing ? now + TYPING_MS : 0 },
      }));
    },
    [me, send],
  );

  /** Called on every change of the draft. */
  const typing = useCallback(() => {
    const state = typingState.current;
    const now = Date.now();
    if (!state.active || now - state.lastSent > TYPING_REPEAT_MS) {
      state.active = true;
      state.lastSent = now;
      send(true);
    }
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.active = false;
      state.timer = null;
      send(false);
    }, TYPING_IDLE_MS);
  }, [send]);

  const others = useMemo<Colleague[]>(
    () =>
      Object.entries(seen)
        .map(([membershipId, entry]) => ({ membershipId, name: entry.name, typing: entry.typingUntil !== 0 }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [seen],
  );

  return { others, receive, typing };
}
