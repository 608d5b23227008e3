"use client";

import { useTranslations } from "next-intl";

/**
 * "45 min", "2 h 30 min", "3 d 4 h": a span of clock time as the SLA screens show it. Business
 * time stays in hours (48 business hours are six working days, not "2 d").
 */
export function useDuration() {
  const t = useTranslations("sla.duration");
  return (minutes: number, businessTime = false) => {
    const m = Math.max(0, Math.round(Math.abs(minutes)));
    if (m < 60) return t("minutes", { m });
    if (m < 1440 || businessTime) return m % 60 ? t("hoursMinutes", { h: Math.floor(m / 60), m: m % 60 }) : t("hours", { h: m / 60 });
    const d = Math.floor(m / 1440);
    const h = Math.floor((m % 1440) / 60);
    return h ? t("daysHours", { d, h }) : t("days", { d });
  };
}

/** Minutes from midnight as "HH:MM" (a time input's value). */
export const timeOfDay = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** "HH:MM" back to minutes from midnight; null when it is not a time. */
export function minutesOfDay(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h < 24 && m < 60 ? h * 60 + m : null;
}
