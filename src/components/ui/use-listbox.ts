"use client";

import { useEffect, useState } from "react";

/**
 * Keyboard navigation of a search-and-pick listbox: arrows wrap, Page Up/Down move by five,
 * Home/End go to the ends where the search box does not need them, Enter picks; the active option
 * is scrolled into view.
 */
export function useListbox<T extends { id: string }>(
  items: readonly T[],
  idPrefix: string,
  onChoose: (item: T) => void,
  { initial = 0, homeEnd = false }: { initial?: number; homeEnd?: boolean } = {},
) {
  const [active, setActive] = useState(initial);
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));
  const current = items[activeIndex];
  const optionId = (item: T) => `${idPrefix}-${item.id}`;

  useEffect(() => {
    if (current) document.getElementById(`${idPrefix}-${current.id}`)?.scrollIntoView({ block: "nearest" });
  }, [current, idPrefix]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const count = items.length;
    const last = Math.max(count - 1, 0);
    if (event.key === "ArrowDown") setActive(count ? (activeIndex + 1) % count : 0);
    else if (event.key === "ArrowUp") setActive(count ? (activeIndex - 1 + count) % count : 0);
    else if (event.key === "PageDown") setActive(Math.min(activeIndex + 5, last));
    else if (event.key === "PageUp") setActive(Math.max(activeIndex - 5, 0));
    else if (homeEnd && event.key === "Home") setActive(0);
    else if (homeEnd && event.key === "End") setActive(last);
    else if (event.key === "Enter") {
      if (current) onChoose(current);
    } else return;
    event.preventDefault();
  };

  return { activeIndex, current, setActive, optionId, onKeyDown };
}
