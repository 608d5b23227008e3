import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

export type AlertVariant = "info" | "success" | "warning" | "error";

const styles: Record<AlertVariant, { box: string; icon: string }> = {
  info: { box: "border-sky-200 bg-sky-50 text-sky-900", icon: "text-sky-600" },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", icon: "text-emerald-600" },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: "text-amber-600" },
  error: { box: "border-red-200 bg-red-50 text-red-900", icon: "text-red-600" },
};

function AlertIcon({ variant, className }: { variant: AlertVariant; className?: string }) {
  const common = { stroke: "currentColor", strokeWidth: 1.5, strokeLinecap: "round" as const, strokeLinejoin: "round" as const };
  return (
    <svg viewBox="0 0 20 20" fill="none" aria-hidden="true" className={cn("size-5 shrink-0", className)}>
      {variant === "success" ? (
        <>
          <circle cx="10" cy="10" r="7.5" {...common} />
          <path d="m6.75 10.25 2.25 2.25 4.25-4.75" {...common} />
        </>
      ) : variant === "warning" ? (
        <>
          <path d="M8.7 3.25a1.5 1.5 0 0 1 2.6 0l6.1 10.75a1.5 1.5 0 0 1-1.3 2.25H3.9a1.5 1.5 0 0 1-1.3-2.25z" {...common} />
          <path d="M10 7.5v3.25" {...common} />
          <circle cx="10" cy="13.4" r="0.9" fill="currentColor" />
        </>
      ) : variant === "error" ? (
        <>
          <circle cx="10" cy="10" r="7.5" {...common} />
          <path d="m7.5 7.5 5 5m0-5-5 5" {...common} />
        </>
      ) : (
        <>
          <circle cx="10" cy="10" r="7.5" {...common} />
          <path d="M10 9v4.5" {...common} />
          <circle cx="10" cy="6.6" r="0.9" fill="currentColor" />
        </>
      )}
    </svg>
  );
}

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  variant?: AlertVariant;
  title?: ReactNode;
  /** Replaces the default icon; pass null for none. */
  icon?: ReactNode;
  /** A button or link shown at the end (e.g. "Retry", "Top up"). */
  action?: ReactNode;
};

/**
 * An inline message. Errors and warnings use role="alert" (announced at once); info and
 * success use role="status" (announced politely). Override with `role` if needed.
 */
export function Alert({ variant = "info", title, icon, action, className, children, role, ...props }: AlertProps) {
  const style = styles[variant];
  return (
    <div
      role={role ?? (variant === "error" || variant === "warning" ? "alert" : "status")}
      className={cn("flex items-start gap-3 rounded-lg border px-4 py-3 text-sm", style.box, className)}
      {...props}
    >
      {icon === undefined ? <AlertIcon variant={variant} className={style.icon} /> : icon}
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="leading-relaxed [&_a]:font-medium [&_a]:underline">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
