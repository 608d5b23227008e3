import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A placeholder block shown while content loads. Decorative: announce loading elsewhere. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-slate-200/80 motion-reduce:animate-none", className)}
      {...props}
    />
  );
}
