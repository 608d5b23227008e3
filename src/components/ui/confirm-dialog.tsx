"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { callError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/** Asks before a consequential action; stays open with the error when the action fails. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  variant = "primary",
  pending,
  error,
  onConfirm,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: "primary" | "danger";
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
  children?: ReactNode;
}) {
  const tCommon = useTranslations("common");
  return (
    <Dialog open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      <DialogContent size="sm" role="alertdialog">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
        {error ? <Alert variant="error">{error}</Alert> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="secondary" disabled={pending}>
              {tCommon("cancel")}
            </Button>
          </DialogClose>
          <Button type="button" variant={variant} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/**
 * What a ConfirmDialog about one thing needs: the thing asked about (`ask` opens the dialog), and
 * the call's progress and failure. The dialog closes when `act` succeeds and stays open with the
 * message when it fails.
 */
export function useConfirmation<T>(act: (target: T) => Promise<unknown>, onClose?: () => void) {
  const errorText = useErrorText();
  const [target, setTarget] = useState<T | null>(null);
  const [error, setError] = useState<ErrorMessage>(null);
  const [pending, setPending] = useState(false);
  const close = () => {
    setTarget(null);
    onClose?.();
  };
  return {
    target,
    ask: (next: T) => {
      setError(null);
      setTarget(next);
    },
    dialog: {
      open: target !== null,
      onOpenChange: (open: boolean) => (open ? undefined : close()),
      pending,
      error: errorText(error) ?? null,
      onConfirm: () => {
        if (target === null) return;
        setError(null);
        setPending(true);
        act(target)
          .then(close, (failure: unknown) => setError(callError(failure)))
          .finally(() => setPending(false));
      },
    },
  };
}
