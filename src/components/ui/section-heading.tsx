import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A panel section's heading (it names the section: give the section aria-labelledby={id}) and what the section is for. */
export function SectionHeading({ id, title, description, descriptionClassName }: { id: string; title: ReactNode; description?: ReactNode; descriptionClassName?: string }) {
  return (
    <div>
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {description ? <p className={cn("mt-1 max-w-2xl text-sm text-slate-600", descriptionClassName)}>{description}</p> : null}
    </div>
  );
}

/**
 * A titled white card of a settings page, named by its heading. The description (or, without
 * one, the same room) sits between the heading and the content.
 */
export function CardSection({
  id,
  title,
  description,
  descriptionClassName,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  descriptionClassName?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cn("rounded-xl border border-slate-200 bg-white p-6", className)}>
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {description ? <p className={cn("mt-1 mb-4 text-sm text-slate-600", descriptionClassName)}>{description}</p> : <div className="mb-4" />}
      {children}
    </section>
  );
}
