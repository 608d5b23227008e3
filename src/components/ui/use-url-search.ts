"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

/**
 * A search box whose search lives in the URL (?q=), so reloads and links keep it. The box shows
 * what is being typed until the search in the URL changes (back, forward, a link), then that.
 */
export function useUrlSearch() {
  const pathname = usePathname();
  const params = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  // The text typed, and the search in the URL it was typed against.
  const [draft, setDraft] = useState<{ for: string; text: string }>({ for: q, text: q });
  /** The box's text now stands for `search`, which is on its way to the URL. */
  const settle = useCallback((search: string, text: string = search) => setDraft({ for: search, text }), []);
  /** Puts `search` in the URL, as a new history entry or in place of the current one. */
  const writeUrl = useCallback(
    (search: string, history: "push" | "replace") => {
      const next = new URLSearchParams(params.toString());
      if (search) next.set("q", search);
      else next.delete("q");
      const query = next.toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [params, pathname],
  );
  return {
    /** The search in the URL. */
    q,
    /** What the box shows. */
    text: draft.for === q ? draft.text : q,
    /** The person types. */
    type: (text: string) => setDraft({ for: q, text }),
    settle,
    writeUrl,
  };
}
