"use client";

import { Dialog as DialogPrimitive } from "radix-ui";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { CloseIcon } from "./icon";

/** Root: holds open state. Props: open, defaultOpen, onOpenChange, modal. */
export const Dialog = DialogPrimitive.Root;
/** Use `asChild` with a <Button> as the trigger. */
export const DialogTrigger = DialogPrimitive.Trigger;
/** Closes the dialog; use `asChild` with a <Button>. */
export const DialogClose = DialogPrimitive.Close;

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl", xl: "max-w-4xl" } as const;

export type DialogContentProps = ComponentProps<typeof DialogPrimitive.Content> & {
  size?: keyof typeof widths;
  /** Hide the × button in the corner (keep another way to close it). */
  hideCloseButton?: boolean;
  /** Accessible name of the × button; defaults to the translated "Close". */
  closeLabel?: string;
};

/**
 * The dialog box with its overlay, rendered in a portal. Focus is trapped inside and
 * returns to the trigger on close; Escape and the overlay close it. Always include a
 * <DialogTitle> (it names the dialog) and a <DialogDescription> or aria-describedby={undefined}.
 */
export function DialogContent({
  className,
  children,
  size = "md",
  hideCloseButton = false,
  closeLabel,
  ...props
}: DialogContentProps) {
  const t = useTranslations("common");
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-slate-900/40 backdrop-blur-[2px] motion-safe:animate-dh-fade-in" />
      <DialogPrimitive.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto",
          "rounded-xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl shadow-slate-900/10 motion-safe:animate-dh-pop-in",
          widths[size],
          className,
        )}
        {...props}
      >
        {children}
        {hideCloseButton ? null : (
          <DialogPrimitive.Close
            aria-label={closeLabel ?? t("close")}
            className="absolute top-3.5 right-3.5 inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-slate-500 transition-colors hover:bg-slate-100 hover:text-slate-900"
          >
            <CloseIcon className="size-4" />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1.5 pr-8", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div className={cn("mt-2 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cn("text-lg leading-7 font-semibold text-slate-900", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn("text-sm text-slate-500", className)} {...props} />;
}
