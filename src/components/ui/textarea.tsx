import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { controlClassName } from "./input";

export type TextareaProps = ComponentProps<"textarea">;

/** A multi-line text input; vertical resize only. */
export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      className={cn(controlClassName, "block min-h-20 resize-y px-3 py-2 leading-relaxed read-only:bg-slate-50", className)}
      {...props}
    />
  );
}
