/** Marks around the matched words in a search snippet (private-use characters, never in text). */
export const HIT_START = "\uE000";
export const HIT_END = "\uE001";

/** A snippet as parts to render, with the matched words flagged (rendered as <mark>, never as HTML). */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const piece of snippet.split(HIT_START)) {
    const [hit, rest] = piece.includes(HIT_END) ? (piece.split(HIT_END, 2) as [string, string]) : [null, piece];
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}
