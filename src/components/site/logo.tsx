import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** The Deskhand mark: a speech bubble with a tick. Decorative. */
export function LogoMark({ className, ...props }: ComponentProps<"svg">) {
  return (
    <svg viewBox="0 0 32 32" fill="none" aria-hidden="true" className={cn("size-7 shrink-0", className)} {...props}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path d="M10 9h12a2.5 2.5 0 0 1 2.5 2.5v7A2.5 2.5 0 0 1 22 21h-6l-4.5 3.5V21H10a2.5 2.5 0 0 1-2.5-2.5v-7A2.5 2.5 0 0 1 10 9Z" fill="white" />
      <path d="m12.5 15 2.5 2.5 4.5-4.5" className="stroke-brand-600" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Mark + "Deskhand" wordmark (the product name is not translated). */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-[17px] font-semibold tracking-tight text-slate-900", className)}>
      <LogoMark />
      <span>Deskhand</span>
    </span>
  );
}
