"use client";

import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { useCurrencySymbol } from "./shared";

/** A text input for an amount in currency units, with the currency's symbol on the side the language puts it. */
export function AmountInput({ currency, className, ...props }: Omit<ComponentProps<"input">, "type"> & { currency: string }) {
  const { symbol, before } = useCurrencySymbol(currency);
  return (
    <div className={cn("relative", className)}>
      <span
        aria-hidden="true"
        className={cn("pointer-events-none absolute top-1/2 -translate-y-1/2 text-sm text-slate-500", before ? "left-3" : "right-3")}
      >
        {symbol}
      </span>
      <Input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className={cn("tabular-nums", before ? "pl-7" : "pr-8")}
        {...props}
      />
    </div>
  );
}
