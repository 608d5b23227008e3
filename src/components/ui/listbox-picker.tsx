"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { useListbox } from "./use-listbox";

export type ListboxGroup<T> = { key: string; label: string; items: readonly T[] };

/**
 * A search box over a listbox of options — the canned-reply, article-link and assignee pickers:
 * type to filter, arrows (Page Up/Down, Home/End) to move, Enter or a click to choose. The
 * options can stand in labelled groups; `wrapList` puts the list inside its loading and empty
 * states, `aside` shows the active option beside the list.
 */
export function ListboxPicker<T extends { id: string }>({
  items,
  groups,
  filter,
  onFilterChange,
  onChoose,
  renderOption,
  searchLabel,
  listLabel,
  noMatch,
  isSelected,
  optionClassName,
  initialActive,
  homeEnd,
  maxLength,
  autoFocus,
  busy,
  inputClassName = "h-9 w-full rounded-lg border border-slate-300 px-3 text-sm shadow-xs placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500",
  listClassName = "max-h-80 overflow-y-auto rounded-lg border border-slate-200 p-1",
  footer,
  aside,
  wrapList = (list) => list,
}: {
  /** Every option shown, in the order the arrows walk them (the groups' options, flattened). */
  items: readonly T[];
  groups?: readonly ListboxGroup<T>[];
  filter: string;
  onFilterChange: (filter: string) => void;
  onChoose: (item: T) => void;
  renderOption: (item: T, active: boolean) => ReactNode;
  searchLabel: string;
  listLabel: string;
  /** What the list says when the search finds nothing. */
  noMatch: ReactNode;
  /** The chosen option, when it is not simply the active one (an assignee already set). */
  isSelected?: (item: T) => boolean;
  optionClassName?: (active: boolean) => string;
  initialActive?: number;
  homeEnd?: boolean;
  maxLength?: number;
  autoFocus?: boolean;
  busy?: boolean;
  inputClassName?: string;
  listClassName?: string;
  /** Rows after the options inside the list (e.g. "Loading staff…"). */
  footer?: ReactNode;
  aside?: (active: T | undefined) => ReactNode;
  wrapList?: (list: ReactNode) => ReactNode;
}) {
  const ids = useId();
  const { current, setActive, optionId, onKeyDown } = useListbox(items, ids, onChoose, { initial: initialActive, homeEnd });

  const option = (item: T) => {
    const active = item.id === current?.id;
    return (
      <li
        key={item.id}
        id={optionId(item)}
        role="option"
        aria-selected={isSelected ? isSelected(item) : active}
        onMouseMove={() => setActive(items.indexOf(item))}
        onClick={() => onChoose(item)}
        className={cn(
          "flex cursor-pointer rounded-md px-2 py-1.5 text-sm",
          optionClassName ? optionClassName(active) : active ? "bg-brand-50 text-brand-800" : "text-slate-800",
        )}
      >
        {renderOption(item, active)}
      </li>
    );
  };

  const list = (
    <ul role="listbox" id={`${ids}-list`} aria-label={listLabel} aria-busy={busy || undefined} className={listClassName}>
      {groups
        ? groups.map((group, g) => (
            <li key={group.key} role="presentation">
              <div id={`${ids}-group-${g}`} className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
                {group.label}
              </div>
              <ul role="group" aria-labelledby={`${ids}-group-${g}`}>
                {group.items.map(option)}
              </ul>
            </li>
          ))
        : items.map(option)}
      {items.length === 0 ? <li className="px-2 py-3 text-sm text-slate-500">{noMatch}</li> : null}
      {footer}
    </ul>
  );

  return (
    <>
      <input
        role="combobox"
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        aria-label={searchLabel}
        placeholder={searchLabel}
        autoComplete="off"
        autoFocus={autoFocus}
        maxLength={maxLength}
        value={filter}
        onChange={(e) => {
          onFilterChange(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className={inputClassName}
      />
      {wrapList(
        aside ? (
          <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            {list}
            {aside(current)}
          </div>
        ) : (
          list
        ),
      )}
    </>
  );
}
