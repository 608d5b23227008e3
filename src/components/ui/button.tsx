import { Slot } from "radix-ui";
import type { ComponentProps, Ref } from "react";
import { cn } from "@/lib/cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "dangerGhost" | "link";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex shrink-0 cursor-pointer items-center justify-center gap-2 whitespace-nowrap rounded-lg font-medium transition-colors select-none " +
  "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 " +
  "[&_svg]:pointer-events-none [&_svg]:shrink-0";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700 active:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-900 shadow-xs hover:bg-slate-50 active:bg-slate-100",
  ghost: "text-slate-700 hover:bg-slate-100 hover:text-slate-900 active:bg-slate-200",
  danger: "bg-red-600 text-white shadow-sm hover:bg-red-700 active:bg-red-800",
  /** A quiet button that removes or ends something: red words, no fill until hovered. */
  dangerGhost: "text-red-700 hover:bg-red-50 hover:text-red-800 active:bg-red-100",
  link: "h-auto px-0 text-brand-600 underline-offset-4 hover:text-brand-700 hover:underline",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-sm [&_svg]:size-4",
  md: "h-9 px-4 text-sm [&_svg]:size-4",
  lg: "h-11 px-6 text-base [&_svg]:size-5",
};

/** The class list of a button, for elements that cannot use <Button asChild>. */
export function buttonClassName(options: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  const { variant = "primary", size = "md", className } = options;
  return cn(base, sizes[size], variants[variant], className);
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child element (e.g. a <Link>) with the button's look and behaviour. */
  asChild?: boolean;
  /** Shows a spinner, sets aria-busy and disables the button until the work is done. */
  loading?: boolean;
};

/**
 * A button. `type` follows HTML (submit inside a form): pass type="button" for actions.
 * With `asChild` it styles its only child instead (links that look like buttons).
 */
export function Button({
  variant = "primary",
  size = "md",
  asChild = false,
  loading = false,
  disabled,
  className,
  children,
  ref,
  ...props
}: ButtonProps) {
  const classes = buttonClassName({ variant, size, className });
  const spinner = loading ? <Spinner size={size === "lg" ? "md" : "sm"} /> : null;

  if (asChild) {
    return (
      <Slot.Root
        ref={ref as Ref<HTMLElement>}
        className={classes}
        aria-busy={loading || undefined}
        aria-disabled={disabled || loading || undefined}
        data-loading={loading || undefined}
        {...props}
      >
        {spinner}
        <Slot.Slottable>{children}</Slot.Slottable>
      </Slot.Root>
    );
  }

  return (
    <button
      ref={ref}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      data-loading={loading || undefined}
      {...props}
    >
      {spinner}
      {children}
    </button>
  );
}
