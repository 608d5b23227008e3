import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Label } from "./label";

/** The attributes <Field> gives its control. Spread them on your input. */
export type FieldControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

type ControlElement = ReactElement<{ id?: string; "aria-describedby"?: string }>;

export type FieldProps = {
  /** Visible label text. */
  label: ReactNode;
  /** Help text under the control. */
  hint?: ReactNode;
  /** Error message under the control; when set the control is marked aria-invalid. */
  error?: ReactNode;
  /** The control's id; generated when omitted. */
  id?: string;
  /** Marks the label with an asterisk and the control with aria-required. */
  required?: boolean;
  /** Hide the label visually (still read by screen readers). */
  hideLabel?: boolean;
  className?: string;
  /** One control element (it receives id/aria props), or a render function taking them. */
  children: ControlElement | ((control: FieldControlProps) => ReactNode);
};

/**
 * A labelled form control with optional hint and error, wired for assistive technology:
 * the label points at the control, the control is described by the error and the hint.
 *
 *   <Field label={t("email")} error={errors.email?.message}><Input type="email" {...register("email")} /></Field>
 *   <Field label={t("plan")}>{(p) => <NativeSelect {...p}>…</NativeSelect>}</Field>
 */
export function Field({ label, hint, error, id, required, hideLabel, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const hasHint = hint !== undefined && hint !== null && hint !== false && hint !== "";
  const describedBy = [hasError ? errorId : null, hasHint ? hintId : null].filter(Boolean).join(" ") || undefined;

  const control: FieldControlProps = {
    id: controlId,
    ...(hasError ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };

  let rendered: ReactNode;
  if (typeof children === "function") {
    rendered = children(control);
  } else if (isValidElement(children)) {
    const own = children.props["aria-describedby"];
    const merged = [describedBy, own].filter(Boolean).join(" ") || undefined;
    rendered = cloneElement(children, { ...control, "aria-describedby": merged });
  } else {
    rendered = children;
  }

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={controlId} className={cn(hideLabel && "sr-only")}>
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-red-600">
            *
          </span>
        ) : null}
      </Label>
      {rendered}
      {hasHint ? (
        <p id={hintId} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <FieldProblem id={errorId} marked={false}>
          {error}
        </FieldProblem>
      ) : null}
    </div>
  );
}

/** The icon that marks a problem beside its words. */
export function ProblemIcon() {
  return (
    <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="mt-0.5 size-4 shrink-0">
      <circle cx="8" cy="8" r="6.25" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.75v3.75" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="8" cy="11" r="0.9" fill="currentColor" />
    </svg>
  );
}

/**
 * What is wrong with a field or a group of fields, in red with its icon. `marked` lets a form find
 * the first problem that has no invalid control of its own (a group of choices).
 */
export function FieldProblem({ id, className, marked = true, children }: { id?: string; className?: string; marked?: boolean; children: ReactNode }) {
  return (
    <p id={id} data-problem={marked || undefined} className={cn("flex items-start gap-1.5 text-sm text-red-700", className)}>
      <ProblemIcon />
      <span>{children}</span>
    </p>
  );
}
