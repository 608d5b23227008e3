import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** Shared look of text-like controls (input, textarea, select). */
export const controlClassName =
  "w-full min-w-0 rounded-lg border border-slate-300 bg-white text-sm text-slate-900 shadow-xs transition-colors " +
  "placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 disabled:opacity-70 " +
  "aria-invalid:border-red-500 aria-invalid:hover:border-red-600";

export type InputProps = ComponentProps<"input">;

/** A single-line text input. Put it inside <Field> to get its label, hint and error wired. */
export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      type={type}
      className={cn(
        controlClassName,
        "h-9 px-3 py-1.5 read-only:bg-slate-50 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-slate-700",
        className,
      )}
      {...props}
    />
  );
}
