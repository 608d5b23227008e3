"use client";

import { useEffect, useEffectEvent, type RefObject } from "react";

/**
 * The inbox keyboard: j/k or the arrows move between rows, x selects the active row, Enter opens
 * it, Escape clears the selection. Keys typed into fields, menus and dialogs are left alone.
 */
export function useInboxKeyboard({
  rows,
  activeId,
  setActiveId,
  links,
  listRef,
  selectedCount,
  onToggle,
  onClearSelection,
  open,
}: {
  rows: readonly { id: string }[];
  activeId: string | null;
  setActiveId: (id: string) => void;
  links: RefObject<Map<string, HTMLAnchorElement>>;
  listRef: RefObject<HTMLDivElement | null>;
  selectedCount: number;
  onToggle: (id: string) => void;
  onClearSelection: () => void;
  open: (id: string) => void;
}) {
  const focusRow = (id: string) => {
    setActiveId(id);
    links.current.get(id)?.focus();
  };
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || rows.length === 0) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='menu'], [role='dialog'], [role='listbox']")) return;
    if (document.querySelector("[role='dialog'], [role='menu'], [role='alertdialog']")) return;
    const inList = !target || target === document.body || (listRef.current?.contains(target) ?? false);
    const index = rows.findIndex((row) => row.id === activeId);
    const active = index >= 0 ? rows[index] : undefined;
    switch (event.key) {
      case "j":
      case "k":
      case "ArrowDown":
      case "ArrowUp": {
        if (event.key.startsWith("Arrow") && !inList) return;
        event.preventDefault();
        const down = event.key === "j" || event.key === "ArrowDown";
        const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + (down ? 1 : -1)));
        focusRow(rows[next]!.id);
        return;
      }
      case "x":
        if (!active) return;
        event.preventDefault();
        onToggle(active.id);
        return;
      case "Enter":
        // A focused link or button does its own thing.
        if (!active || !inList || target?.closest("a, button")) return;
        event.preventDefault();
        open(active.id);
        return;
      case "Escape":
        if (selectedCount === 0) return;
        onClearSelection();
        return;
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
