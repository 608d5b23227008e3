/**
 * Resolves with `value` no sooner than `ms` after `started`: an answer that must not tell, by how
 * long it took, which way it went (an address that has an account, or not).
 */
export async function answerAfter<T>(started: number, ms: number, value: T): Promise<T> {
  const left = ms - (Date.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  return value;
}
