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
