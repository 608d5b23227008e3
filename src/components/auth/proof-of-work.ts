import { solveChallenge, type Challenge, type Solution } from "altcha-lib";
import type { DeriveKeyFunction } from "altcha-lib/types";

// The sign-up page's proof of work (ALTCHA, made and checked by our server). altcha-lib's own
// PBKDF2 uses node:crypto; in the browser the same key comes from WebCrypto.

const hashes: Record<string, string> = { "PBKDF2/SHA-256": "SHA-256", "PBKDF2/SHA-384": "SHA-384", "PBKDF2/SHA-512": "SHA-512" };

const deriveKey: DeriveKeyFunction = async (parameters, salt, password) => {
  const hash = hashes[parameters.algorithm];
  if (!hash) throw new Error(`unsupported proof algorithm ${parameters.algorithm}`);
  const key = await crypto.subtle.importKey("raw", password as BufferSource, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash, salt: salt as BufferSource, iterations: parameters.cost }, key, (parameters.keyLength ?? 32) * 8);
  return { derivedKey: new Uint8Array(bits) };
};

/** Solves a sign-up challenge in the background (it yields to the page while it works). */
export async function solveSignUpChallenge(challenge: Challenge): Promise<{ challenge: Challenge; solution: Solution }> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("the sign-up challenge has no solution");
  return { challenge, solution };
}
