import { maxLengthOf } from "@/components/forms/limits";
import { articleInput, kbSlug } from "@/server/kb/inputs";

// The article editor's limits, read from the server's schema (kept apart from shared.ts, which the
// article list loads too).
export const titleMax = maxLengthOf(articleInput.title) ?? 0;
export const summaryMax = maxLengthOf(articleInput.summary) ?? 0;
export const bodyMax = maxLengthOf(articleInput.body) ?? 0;
export const slugMax = maxLengthOf(kbSlug) ?? 0;
export { relatedMax } from "@/server/kb/inputs";
