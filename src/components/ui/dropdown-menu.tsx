"use client";

import { DropdownMenu as Menu } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { CheckIcon } from "./icon";

/** Root: holds open state. Props: open, defaultOpen, onOpenChange, modal. */
export const DropdownMenu = Menu.Root;
/** Use `asChild` with a <Button> as the trigger. */
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;
export const DropdownMenuRadioGroup = Menu.RadioGroup;

export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = "end",
  ...props
}: ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        sideOffset={sideOffset}
        align={align}
        className={cn(
          "z-50 max-h-(--radix-dropdown-menu-content-available-height) min-w-44 origin-(--radix-dropdown-menu-content-transform-origin) overflow-y-auto",
          "rounded-lg border border-slate-200 bg-white p-1 text-slate-800 shadow-lg shadow-slate-900/10 motion-safe:animate-dh-pop-in",
          className,
        )}
        {...props}
      />
    </Menu.Portal>
  );
}

const itemClassName =
  "relative flex cursor-default items-center gap-2 rounded-md px-2.5 py-1.5 text-sm outline-none select-none " +
  "data-disabled:pointer-events-none data-disabled:opacity-50 data-highlighted:bg-slate-100 data-highlighted:text-slate-900 " +
  "[&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-slate-500";

export function DropdownMenuItem({
  className,
  variant = "default",
  ...props
}: ComponentProps<typeof Menu.Item> & { variant?: "default" | "danger" }) {
  return (
    <Menu.Item
      className={cn(
        itemClassName,
        variant === "danger" && "text-red-700 data-highlighted:bg-red-50 data-highlighted:text-red-800 [&_svg]:text-red-600",
        className,
      )}
      {...props}
    />
  );
}

/** A choice inside <DropdownMenuRadioGroup value onValueChange>; shows a dot when selected. */
export function DropdownMenuRadioItem({ className, children, ...props }: ComponentProps<typeof Menu.RadioItem>) {
  return (
    <Menu.RadioItem className={cn(itemClassName, "pl-8", className)} {...props}>
      <span className="absolute left-2.5 flex size-4 items-center justify-center">
        <Menu.ItemIndicator>
          <CheckIcon className="text-brand-600!" />
        </Menu.ItemIndicator>
      </span>
      {children}
    </Menu.RadioItem>
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof Menu.Label>) {
  return <Menu.Label className={cn("px-2.5 py-1.5 text-xs font-medium text-slate-500", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof Menu.Separator>) {
  return <Menu.Separator className={cn("-mx-1 my-1 h-px bg-slate-200", className)} {...props} />;
}
