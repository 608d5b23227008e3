import { textInput } from "@/lib/text-input";
import { tagName, tagsMax } from "@/server/tickets/inputs";

/** "billing, Refund ,#vip" → ["billing", "refund", "vip"] by the server's tag rule; null when one of them is not a tag. */
export function parseTags(text: string): string[] | null {
  const tags: string[] = [];
  for (const part of text.split(",").map((p) => p.trim().replace(/^#/, "")).filter(Boolean)) {
    const tag = tagName.safeParse(part);
    if (!tag.success) return null;
    tags.push(tag.data);
  }
  return [...new Set(tags)];
}

/** A line of comma-separated tags in a form, checked as the server checks the list. */
export const tagsText = textInput()
  .refine((text) => parseTags(text) !== null, "ticket.tagInvalid")
  .refine((text) => (parseTags(text)?.length ?? 0) <= tagsMax, "ticket.tooManyTags");
