"use client";

import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, type DialogContentProps } from "./dialog";

/**
 * A dialog about one thing (a reply to add or edit, a message to split): open while there is one,
 * its form mounted afresh each time so it starts from that thing's values.
 */
export function TargetDialog<T>({
  target,
  onClose,
  size,
  children,
}: {
  target: T | null;
  onClose: () => void;
  size?: DialogContentProps["size"];
  children: (target: T) => ReactNode;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent size={size}>{target !== null ? children(target) : null}</DialogContent>
    </Dialog>
  );
}

/** A dialog's title and what it does. */
export function FormDialogHeader({ title, description }: { title: ReactNode; description: ReactNode }) {
  return (
    <DialogHeader>
      <DialogTitle>{title}</DialogTitle>
      <DialogDescription>{description}</DialogDescription>
    </DialogHeader>
  );
}

/** The end of a dialog's form: the form's own failure, Cancel, and the button that sends it. */
export function FormDialogFooter({
  error,
  cancelLabel,
  submitLabel,
  pending,
  disabled,
  children,
}: {
  error?: string;
  cancelLabel: string;
  submitLabel: string;
  pending: boolean;
  disabled?: boolean;
  /** More buttons before Cancel (e.g. "Test connection"). */
  children?: ReactNode;
}) {
  return (
    <>
      {error ? <Alert variant="error">{error}</Alert> : null}
      <DialogFooter>
        {children}
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {cancelLabel}
          </Button>
        </DialogClose>
        <Button type="submit" loading={pending} disabled={disabled}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </>
  );
}
