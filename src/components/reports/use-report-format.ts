"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { CsvCell } from "@/server/reports/csv";
import type { ColumnKind } from "@/server/reports/tables";

/** How report figures read on the page: durations in days/hours/minutes, shares in per cent, names spelled out. */
export function useReportFormat() {
  const t = useTranslations("reports");
  const format = useFormatter();
  const duration = (seconds: number | null) => {
    if (seconds === null) return t("none");
    if (seconds < 60) return t("duration.underMinute");
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return t("duration.minutes", { m: minutes });
    if (minutes < 48 * 60) return t("duration.hours", { h: Math.floor(minutes / 60), m: minutes % 60 });
    return t("duration.days", { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60) });
  };
  const percent = (share: number | null) => (share === null ? t("none") : format.number(share, { style: "percent", maximumFractionDigits: 1 }));
  const count = (value: number) => format.number(value);
  const month = (key: string) => format.dateTime(new Date(`${key}-01T00:00:00Z`), { month: "short", year: "numeric", timeZone: "UTC" });
  const day = (key: string) => format.dateTime(new Date(`${key}T00:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const weekday = (key: number) => t(`weekdays.${key}` as "weekdays.1");
  // 1 January 2024 was a Monday: ISO weekday k is that week's day k.
  const weekdayShort = (key: number) => format.dateTime(new Date(Date.UTC(2024, 0, key)), { weekday: "short", timeZone: "UTC" });
  const hour = (key: number) => `${String(key).padStart(2, "0")}:00`;
  const channel = (key: string) => (t.has(`channelNames.${key}` as "channelNames.panel") ? t(`channelNames.${key}` as "channelNames.panel") : key);
  const cell = (kind: ColumnKind, value: CsvCell): string => {
    if (value === null) return kind === "text" ? "" : t("none");
    switch (kind) {
      case "count":
        return count(Number(value));
      case "percent":
        return percent(Number(value));
      case "duration":
        return duration(Number(value));
      case "weekday":
        return weekday(Number(value));
      case "hour":
        return hour(Number(value));
      case "month":
        return month(String(value));
      case "day":
        return day(String(value));
      case "channel":
        return channel(String(value));
      default:
        return String(value);
    }
  };
  return { duration, percent, count, month, day, weekday, weekdayShort, hour, channel, cell };
}
