"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert, type AlertVariant } from "./alert";
import { Button } from "./button";

export type Notice = { variant: AlertVariant; text: string };

/**
 * What a DismissibleNotice shows: the result of the last action on a list, or why it failed in
 * the reader's words (the server's message unless told how to read the failure).
 */
export function useNotice() {
  const errorText = useErrorText();
  const [notice, setNotice] = useState<Notice | null>(null);
  return {
    notice,
    show: setNotice,
    clear: () => setNotice(null),
    fail: (error: unknown, messageOf: (error: unknown) => ErrorMessage = serverMessage) => setNotice({ variant: "error", text: errorText(messageOf(error)) ?? "" }),
  };
}

/** A result message the person can dismiss, announced politely to screen readers. */
export function DismissibleNotice({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
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
