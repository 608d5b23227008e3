import { z } from "zod";

// NUL and unpaired UTF-16 surrogates: Postgres refuses the first in text and jsonb, and the second
// cannot be encoded as UTF-8 (the driver would silently turn it into U+FFFD). With the `u` flag the
// class matches a surrogate only when it is not half of a pair.
const unstorable = /\u0000|[\uD800-\uDFFF]/u;

/** Whether Postgres can store this text exactly as given. */
export function isStorableText(value: string): boolean {
  return !unstorable.test(value);
}

/** The same text with what Postgres cannot store removed: for mail, where refusing would lose a message. */
export function storableText(value: string): string {
  return isStorableText(value) ? value : value.replace(/\u0000|[\uD800-\uDFFF]/gu, "");
}

/**
 * The one way an input schema declares text: a zod string that refuses NUL and unpaired
 * surrogates with a field error (`text.invalidCharacters`), before any length or format check
 * the caller chains on. ESLint refuses `z.string()` anywhere else.
 */
export function textInput(params?: Parameters<typeof z.string>[0]) {
  // eslint-disable-next-line no-restricted-syntax -- the one place a zod string is declared
  return z.string(params).refine(isStorableText, { message: "text.invalidCharacters" });
}

/** At most `max` UTF-16 units of the text, never ending in half of a surrogate pair. */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
