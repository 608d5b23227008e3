"use client";

import { useRef, useState, type ReactNode } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "./dialog";

/**
 * A dialog that picks something to insert (a canned reply, an article link). It is opened by
 * state, not a DialogTrigger, so Radix has no trigger to give focus back to: it remembers what had
 * focus, and after a choice leaves the caret where the insertion put it.
 */
/** What a page gives an insert dialog: whether it is open, and what to do with the choice. */
export type PickerProps<T> = { desk: string; open: boolean; onOpenChange: (open: boolean) => void; onChoose: (item: T) => void };

export function PickerDialog<T>({
  open,
  onOpenChange,
  onChoose,
  size,
  title,
  description,
  children,
}: Omit<PickerProps<T>, "desk"> & {
  size: "md" | "lg";
  title: string;
  description: string;
  /** The picker, mounted afresh each time the dialog opens; `choose` closes the dialog and hands the choice on. */
  children: (choose: (item: T) => void) => ReactNode;
}) {
  const [chose, setChose] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const choose = (item: T) => {
    setChose(true);
    onOpenChange(false);
    onChoose(item);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        size={size}
        className="gap-3"
        onOpenAutoFocus={() => {
          returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          if (!chose) returnTo.current?.focus();
          setChose(false);
        }}
      >
        {open ? (
          <>
            <DialogHeader>
              <DialogTitle>{title}</DialogTitle>
              <DialogDescription>{description}</DialogDescription>
            </DialogHeader>
            {children(choose)}
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

/**
 * Under the list: the keyboard hint, and where the things picked from are managed (left out while
 * the empty state already offers it).
 */
export function PickerFooter({ keys, manage }: { keys: string; manage: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3">
      <p className="text-xs text-slate-500">{keys}</p>
      {manage}
    </div>
  );
}

/** A link to the page where the picked things are managed, opened in a new tab. */
export function ManageLink({ href, label, newTab }: { href: string; label: string; newTab: string }) {
  return (
    <a href={href} target="_blank" rel="noopener" className="text-sm font-medium text-brand-700 hover:underline">
      {label}
      <span className="sr-only"> {newTab}</span>
    </a>
  );
}

/** What a picker shows when there is nothing to pick yet, with the way to add some. */
export function PickerEmpty({ title, description, action }: { title: string; description: string; action: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center">
      <p className="text-sm font-medium text-slate-900">{title}</p>
      <p className="mt-1 text-sm text-slate-500">{description}</p>
      <div className="mt-3">{action}</div>
    </div>
  );
}
