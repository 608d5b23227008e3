"use client";

import { Checkbox as CheckboxPrimitive } from "radix-ui";
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { CheckIcon } from "./icon";

export type CheckboxProps = ComponentProps<typeof CheckboxPrimitive.Root>;

/**
 * An accessible checkbox (Radix): `checked` / `defaultChecked` / `onCheckedChange(checked)`,
 * `name` and `value` for native form posts. Supports checked="indeterminate".
 */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <CheckboxPrimitive.Root
      className={cn(
        "peer inline-flex size-4 shrink-0 cursor-pointer items-center justify-center rounded-[5px] border border-slate-400 bg-white shadow-xs transition-colors",
        "hover:border-slate-500 disabled:cursor-not-allowed disabled:opacity-50",
        "data-[state=checked]:border-brand-600 data-[state=checked]:bg-brand-600 data-[state=checked]:text-white",
        "data-[state=indeterminate]:border-brand-600 data-[state=indeterminate]:bg-brand-600 data-[state=indeterminate]:text-white",
        "aria-invalid:border-red-500",
        className,
      )}
      {...props}
    >
      <CheckboxPrimitive.Indicator className="group flex items-center justify-center">
        <CheckIcon className="size-3.5 group-data-[state=indeterminate]:hidden" />
        <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="hidden size-3.5 group-data-[state=indeterminate]:block">
          <path d="M4 8h8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </CheckboxPrimitive.Indicator>
    </CheckboxPrimitive.Root>
  );
}

export type CheckboxFieldProps = Omit<CheckboxProps, "children"> & {
  label: ReactNode;
  /** Secondary text under the label (also read as the checkbox's description). */
  description?: ReactNode;
};

/** A checkbox with its label beside it and an optional description — for settings and options. */
export function CheckboxField({ label, description, id, className, disabled, ...props }: CheckboxFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const descriptionId = description ? `${controlId}-description` : undefined;
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <Checkbox id={controlId} aria-describedby={descriptionId} disabled={disabled} className="mt-0.5" {...props} />
      <div className="grid gap-0.5">
        <label
          htmlFor={controlId}
          className={cn(
            "text-sm leading-5 font-medium text-slate-800",
            disabled ? "cursor-not-allowed opacity-60" : "cursor-pointer",
          )}
        >
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-sm text-slate-500">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
