"use client";

import { createContext, useContext } from "react";
import type { DeskInfo, TicketData, Viewer } from "./shared";

export type TicketContextValue = {
  desk: DeskInfo;
  viewer: Viewer;
  data: TicketData;
  /** Refetches the ticket after the viewer's own change. */
  refresh: () => Promise<void>;
  /** A short confirmation shown at the top of the page ("Forwarded to Payments"). */
  announce: (message: React.ReactNode) => void;
};

const TicketContext = createContext<TicketContextValue | null>(null);
export const TicketProvider = TicketContext.Provider;

export function useTicket(): TicketContextValue {
  const value = useContext(TicketContext);
  if (!value) throw new Error("useTicket() outside <TicketProvider>");
  return value;
}

/** The path of another ticket of the desk. */
export function ticketHref(desk: string, ticketId: string) {
  return `/d/${desk}/tickets/${ticketId}`;
}
