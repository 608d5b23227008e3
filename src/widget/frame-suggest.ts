// "Self-service first": knowledge-base articles matching what the visitor types, shown above the
// widget form (src/widget/frame.ts). Nothing shows while the desk has none to suggest.
import { h, safeUrl } from "./frame-dom";

type Article = { id?: string; title: string; url: string; snippet?: string };

/** The snippet with its matched words (between \uE000 and \uE001) as <mark>, all as text nodes. */
function snippetNode(snippet: string) {
  const p = h("p");
  for (const piece of snippet.split("\uE000")) {
    const [hit, rest] = piece.includes("\uE001") ? piece.split("\uE001", 2) : ["", piece];
    if (hit) p.append(h("mark", { text: hit }));
    if (rest) p.append(document.createTextNode(rest));
  }
  return p;
}

export function suggestions(heading: string, endpoint: string) {
  const list = h("ul");
  const box = h("section", { class: "suggest", "aria-labelledby": "suggest-title", hidden: true }, h("h2", { id: "suggest-title", text: heading }), list);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | undefined;
  // Articles the visitor opened: sent with the request, so they do not count as deflections.
  const read = new Set<string>();

  function show(articles: Article[]) {
    const items = articles.flatMap((article) => {
      const href = typeof article.title === "string" ? safeUrl(article.url) : null;
      if (!href) return [];
      const snippet = typeof article.snippet === "string" && article.snippet ? snippetNode(article.snippet) : null;
      const id = typeof article.id === "string" ? article.id : null;
      const open = () => id && read.add(id);
      return [h("li", {}, h("a", { href, target: "_blank", rel: "noopener", text: article.title, onclick: open, onauxclick: open }), snippet)];
    });
    list.replaceChildren(...items);
    box.hidden = items.length === 0;
  }

  async function lookup(query: string) {
    request?.abort();
    if (query.length < 3) return show([]);
    request = new AbortController();
    try {
      const response = await fetch(`${endpoint}?q=${encodeURIComponent(query)}`, { signal: request.signal });
      const body = (await response.json()) as { articles?: Article[] };
      show(response.ok && Array.isArray(body.articles) ? body.articles.slice(0, 5) : []);
    } catch {
      // A failed or replaced lookup leaves the form as it is.
    }
  }

  /** Looks up what is typed into this field, a moment after the visitor pauses. */
  function watch(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) {
    control.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lookup(control.value.trim().slice(0, 200)), 300);
    });
  }

  return { box, watch, clear: () => show([]), read: () => [...read].slice(0, 10) };
}
