import type { CannedReply } from "@/components/ticket/shared";

export type CannedGroup = { folder: string; replies: CannedReply[] };

/** Replies by folder, in the server's order (folder, then title); the unnamed folder comes first. */
export function groupByFolder(replies: CannedReply[]): CannedGroup[] {
  const groups = new Map<string, CannedReply[]>();
  for (const reply of replies) groups.set(reply.folder, [...(groups.get(reply.folder) ?? []), reply]);
  return [...groups.entries()]
    .map(([folder, list]) => ({ folder, replies: list }))
    .sort((a, b) => (a.folder === "" ? -1 : b.folder === "" ? 1 : a.folder.localeCompare(b.folder)));
}

/** Whether a reply matches what was typed: every word in its title, folder or text. */
export function matches(reply: CannedReply, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${reply.title}\n${reply.folder}\n${reply.body}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}
