import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export type LabelProps = ComponentProps<"label">;

/** A form label. Use `htmlFor`, or let <Field> render it for you. */
export function Label({ className, ...props }: LabelProps) {
  return <label className={cn("text-sm leading-5 font-medium text-slate-800", className)} {...props} />;
}
