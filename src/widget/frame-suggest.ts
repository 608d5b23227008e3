// "Self-service first": knowledge-base articles matching what the visitor types, shown above the
// widget form (src/widget/frame.ts). Nothing shows while the desk has none to suggest.
import { h, safeUrl } from "./frame-dom";

type Article = { title: string; url: string; snippet?: string };

export function suggestions(heading: string, endpoint: string) {
  const list = h("ul");
  const box = h("section", { class: "suggest", "aria-labelledby": "suggest-title", hidden: true }, h("h2", { id: "suggest-title", text: heading }), list);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | undefined;

  function show(articles: Article[]) {
    const items = articles.flatMap((article) => {
      const href = typeof article.title === "string" ? safeUrl(article.url) : null;
      if (!href) return [];
      // Deflection counting comes with the knowledge base; for now the article just opens.
      const snippet = typeof article.snippet === "string" && article.snippet ? h("p", { text: article.snippet }) : null;
      return [h("li", {}, h("a", { href, target: "_blank", rel: "noopener", text: article.title }), snippet)];
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

  return { box, watch, clear: () => show([]) };
}
