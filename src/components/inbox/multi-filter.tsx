"use client";

import { DropdownMenu as Menu } from "radix-ui";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { CheckIcon } from "@/components/ui/icon";
import { cn } from "@/lib/cn";

type Props<T extends string> = {
  label: string;
  options: readonly T[];
  optionLabel: (option: T) => string;
  value: readonly T[];
  onChange: (value: T[]) => void;
  clearLabel: string;
};

/** A filter button opening a menu of checkable choices; it stays open while choosing several. */
export function MultiFilter<T extends string>({ label, options, optionLabel, value, onChange, clearLabel }: Props<T>) {
  const active = value.length > 0;
  const summary = active ? `${label}: ${value.map(optionLabel).join(", ")}` : label;
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger
        className={cn(
          "inline-flex h-8 max-w-56 cursor-pointer items-center gap-1.5 rounded-lg border px-2.5 text-sm shadow-xs transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
          active ? "border-brand-500/40 bg-brand-50 text-brand-700 hover:bg-brand-100" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
        )}
      >
        <span className="truncate">{summary}</span>
        <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-3.5 shrink-0 opacity-70">
          <path d="m4 6 4 4 4-4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" aria-label={label}>
        {options.map((option) => (
          <Menu.CheckboxItem
            key={option}
            checked={value.includes(option)}
            onSelect={(event) => event.preventDefault()}
            onCheckedChange={(checked) => onChange(checked ? options.filter((o) => o === option || value.includes(o)) : value.filter((v) => v !== option))}
            className="relative flex cursor-default items-center gap-2 rounded-md py-1.5 pr-2.5 pl-8 text-sm outline-none select-none data-highlighted:bg-slate-100 data-highlighted:text-slate-900"
          >
            <span className="absolute left-2.5 flex size-4 items-center justify-center rounded border border-slate-300 bg-white">
              <Menu.ItemIndicator>
                <CheckIcon className="size-3.5 text-brand-600" />
              </Menu.ItemIndicator>
            </span>
            {optionLabel(option)}
          </Menu.CheckboxItem>
        ))}
        {active ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onChange([])}>{clearLabel}</DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
