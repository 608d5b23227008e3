"use client";

import { useFormatter } from "next-intl";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A moment in the reader's own time zone. The server (and a reader without script) sees it in UTC,
 * marked as such; once the page is running in the browser it switches to local time.
 */
export function LocalTime({ at, withTime = true, className }: { at: Date; withTime?: boolean; className?: string }) {
  const format = useFormatter();
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const text = format.dateTime(at, {
    year: "numeric",
    month: "short",
    day: "numeric",
    ...(withTime ? { hour: "numeric", minute: "2-digit" } : {}),
    timeZone: inBrowser ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC",
    ...(inBrowser || !withTime ? {} : { timeZoneName: "short" }),
  });
  return (
    <time dateTime={at.toISOString()} className={className}>
      {text}
    </time>
  );
}
