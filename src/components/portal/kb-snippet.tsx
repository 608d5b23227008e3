import { snippetParts } from "@/lib/snippet";

/** A search snippet with the matched words marked: text and <mark> only, never HTML. */
export function KbSnippet({ snippet, className }: { snippet: string; className?: string }) {
  return (
    <span className={className}>
      {snippetParts(snippet).map((part, i) =>
        part.hit ? (
          <mark key={i} className="rounded-sm bg-brand-100 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}
