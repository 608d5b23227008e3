import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

export type IconProps = ComponentProps<"svg">;

export const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 1.5, strokeLinecap: "round", strokeLinejoin: "round" } as const;

/** A decorative line icon in currentColor, drawn from its shapes on a `viewBox` grid at a default size. */
export function strokeIcon(viewBox: string, size: string, shapes: ReactNode) {
  return function StrokeIcon({ className, ...props }: IconProps) {
    return (
      <svg viewBox={viewBox} aria-hidden="true" className={cn(size, className)} {...stroke} {...props}>
        {shapes}
      </svg>
    );
  };
}
