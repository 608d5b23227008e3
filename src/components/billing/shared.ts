"use client";

import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { formatMoney } from "@/lib/money";
import type { AppRouter } from "@/server/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type BillingOverview = Outputs["billing"]["overview"];
export type LedgerEntry = Outputs["billing"]["ledger"]["entries"][number];
export type BillingPlan = BillingOverview["plans"][number];
export type BillingOption = BillingOverview["allOptions"][number];
export type PlatformDesk = Outputs["platform"]["desks"][number];
export type PlatformPlan = Outputs["platform"]["plans"]["plans"][number];

/** Formats minor units (integer cents) as money in the interface language. */
export function useMoney(currency: string) {
  const locale = useLocale();
  return (minor: number) => formatMoney(minor, locale, currency.toUpperCase());
}

/** The currency's symbol and whether the language writes it before the number ("$5" or "5 $"). */
export function useCurrencySymbol(currency: string): { symbol: string; before: boolean } {
  const locale = useLocale();
  const parts = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).formatToParts(1);
  const at = parts.findIndex((part) => part.type === "currency");
  const number = parts.findIndex((part) => part.type === "integer");
  return { symbol: parts[at]?.value ?? currency.toUpperCase(), before: at < number };
}

/**
 * An amount typed in currency units ("12.50", "12,5", "1 000") as minor units; null when it is not
 * a plain non-negative amount with at most two decimals. Integer arithmetic: no float rounding.
 */
export function parseAmount(text: string): number | null {
  const plain = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(plain);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Minor units as the text of an amount input ("12.5" → "12.50", whole amounts without decimals). */
export const amountText = (minor: number) => (minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2));

/** What a day of a plan costs with these options (options are free on a plan that includes them). */
/** The server's own price rule (a pure module), so the page shows exactly what will be charged. */
export { dailyPrice as priceOf } from "@/lib/daily-price";

/**
 * Translates a form problem: this page's own keys ("local.amountFormat", in billing.errors) and the
 * server's ("billing.downgradeSeats", in errors). The server's "amount in cents" wording is replaced,
 * since people type currency units here.
 */
export function useBillingErrorText() {
  const t = useTranslations("billing.errors");
  const errorText = useErrorText();
  return (message: string | ErrorMessage | undefined, params?: Record<string, string | number>): string | undefined => {
    if (!message) return undefined;
    const key = typeof message === "string" ? message : message.key;
    if (key.startsWith("local.")) return t(key.slice("local.".length), params);
    if (key === "billing.amountInvalid") return t("amountInvalid");
    return errorText(message);
  };
}

/** A calendar day ("2026-03-31", a billing day in the desk's time zone) as a date in the interface language. */
export function useDayFormat() {
  const format = useFormatter();
  return (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
}

/** The server's field errors of a failed call (keys of the errors namespace), by field. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error as TRPCClientError<AppRouter>).data?.fieldErrors as Record<string, unknown> | null | undefined;
  const found: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fields ?? {})) {
    const message = Array.isArray(messages) ? messages[0] : messages;
    if (typeof message === "string") found[field] = message;
  }
  return found;
}

/**
 * Puts focus back where it was when a dialog opened without a Radix trigger (a controlled dialog
 * opened from a table row, say): otherwise closing it leaves focus on the page itself.
 */
export function useReturnFocus() {
  const last = useRef<HTMLElement | null>(null);
  return {
    remember: () => {
      last.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    restore: () => {
      const element = last.current;
      setTimeout(() => {
        if (element?.isConnected && !element.matches(":disabled")) element.focus();
      }, 0);
    },
  };
}
