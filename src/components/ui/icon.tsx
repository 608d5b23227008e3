import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

export type IconProps = ComponentProps<"svg">;

export const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 1.5, strokeLinecap: "round", strokeLinejoin: "round" } as const;

/**
 * A decorative line icon in currentColor, drawn from its shapes on a `viewBox` grid at a default
 * size ("" where the surrounding button or box sizes it).
 */
export function strokeIcon(viewBox: string, size: string, shapes: ReactNode, strokeWidth: number = stroke.strokeWidth) {
  return function StrokeIcon({ className, ...props }: IconProps) {
    return (
      <svg viewBox={viewBox} aria-hidden="true" className={cn(size, className) || undefined} {...stroke} strokeWidth={strokeWidth} {...props}>
        {shapes}
      </svg>
    );
  };
}

/** A tick: chosen, included, done. */
export const CheckIcon = strokeIcon("0 0 16 16", "", <path d="m3.5 8.5 3 3 6-7" />, 2);

/** A plus: add one. */
export const PlusIcon = strokeIcon("0 0 16 16", "", <path d="M8 3.5v9M3.5 8h9" />, 1.75);

/** A cross: remove this one, or close. */
export const CloseIcon = strokeIcon("0 0 16 16", "", <path d="m4 4 8 8m0-8-8 8" />);

/** A magnifier: the search box. */
export const MagnifierIcon = strokeIcon("0 0 20 20", "", <><circle cx="9" cy="9" r="5.75" /><path d="m13.5 13.5 3.5 3.5" /></>);

/** Three dots: the menu of a row's actions. */
export function MoreIcon({ className, ...props }: IconProps) {
  return (
    <svg viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" className={className} {...props}>
      <circle cx="3.5" cy="8" r="1.25" />
      <circle cx="8" cy="8" r="1.25" />
      <circle cx="12.5" cy="8" r="1.25" />
    </svg>
  );
}
