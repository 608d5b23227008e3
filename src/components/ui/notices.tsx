"use client";

import { useTranslations } from "next-intl";
import { Alert, type AlertVariant } from "./alert";
import { Button } from "./button";

/** A result message the person can dismiss, announced politely to screen readers. */
export function DismissibleNotice({ notice, onClose }: { notice: { variant: AlertVariant; text: string } | null; onClose: () => void }) {
  const tCommon = useTranslations("common");
  return (
    <div aria-live="polite">
      {notice ? (
        <Alert
          variant={notice.variant}
          action={
            <Button type="button" variant="ghost" size="sm" onClick={onClose}>
              {tCommon("close")}
            </Button>
          }
        >
          {notice.text}
        </Alert>
      ) : null}
    </div>
  );
}

/** A list that failed to load, with a way to try again. */
export function LoadError({ title, message, onRetry }: { title?: React.ReactNode; message: React.ReactNode; onRetry: () => void }) {
  const tCommon = useTranslations("common");
  return (
    <Alert
      variant="error"
      title={title}
      action={
        <Button type="button" variant="secondary" size="sm" onClick={onRetry}>
          {tCommon("retry")}
        </Button>
      }
    >
      {message}
    </Alert>
  );
}
