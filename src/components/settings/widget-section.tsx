import type { ReactNode } from "react";
import { FieldProblem } from "@/components/ui/field";
import { CardSection } from "@/components/ui/section-heading";

/** One titled card of Settings → Widget. */
export function WidgetSection({
  id,
  title,
  description,
  error,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  /** A problem with the section as a whole (shown under the description). */
  error?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <CardSection id={id} title={title} description={description} descriptionClassName="max-w-2xl" className={className}>
      {error ? (
        <FieldProblem id={`${id}-error`} className="mb-4">
          {error}
        </FieldProblem>
      ) : null}
      {children}
    </CardSection>
  );
}
