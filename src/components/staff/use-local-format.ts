"use client";

import { useFormatter, type DateTimeFormatOptions } from "next-intl";

/**
 * Dates in the viewer's own time zone. Only for data fetched in the browser (never rendered on
 * the server), so the server's UTC and the browser's zone cannot disagree during hydration.
 */
export function useLocalFormat() {
  const format = useFormatter();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    dateTime: (value: Date, options: DateTimeFormatOptions = {}) => format.dateTime(value, { ...options, timeZone }),
    relativeTime: (value: Date, now: Date) => format.relativeTime(value, now),
  };
}
