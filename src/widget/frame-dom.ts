// Small DOM helpers for the widget page script (src/widget/frame.ts): elements from props and
// children, inline icons, message placeholders and link checks. Bundled into public/widget-frame.js.

export type Child = Node | string | null | false | undefined;

export const present = (children: Child[]) => children.filter(Boolean) as (Node | string)[];

/** An element: string props become attributes (true → present, null/false → absent), functions "onX" listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    else if (k === "text") el.textContent = String(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  el.append(...present(children));
  return el;
}

const icons = {
  close: "M6 6l12 12M18 6L6 18",
  clip: "M21 11.5l-8.6 8.6a5 5 0 01-7.1-7.1l8.6-8.6a3.3 3.3 0 014.7 4.7l-8.6 8.6a1.7 1.7 0 01-2.4-2.4l7.9-7.9",
  check: "M5 12.5l4.5 4.5L19 7",
  user: "M12 12a4 4 0 100-8 4 4 0 000 8zM4 20a8 8 0 0116 0",
};

export function icon(name: keyof typeof icons, size = 20): HTMLSpanElement {
  const span = h("span", { "aria-hidden": "true" });
  span.innerHTML = `<svg width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${icons[name]}"/></svg>`;
  return span;
}

/** "Request #{number} received" → "Request #1042 received"; unknown placeholders stay. */
export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** An http(s) address, or null: links from the server never become javascript: or data: links. */
export function safeUrl(url: unknown): string | null {
  try {
    const parsed = new URL(String(url), location.href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
