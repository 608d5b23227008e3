import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import crypto from "node:crypto";
import { env } from "@/env";
import type { Database } from "../db/types";
import { DeskError } from "../errors";
import { consumeLimits } from "../kernel/limits";
import { authSecret } from "../kernel/secret";

// A proof of work (ALTCHA, self-hosted: the challenge is made and checked here, the browser solves
// it in the background while the person types). A script must spend the same work per sign-up,
// which makes farming desks slow and costly; a solved challenge is good for one sign-up.

const ALGORITHM = "PBKDF2/SHA-256";
const CHALLENGE_MINUTES = 20;

const signatureSecret = () => Buffer.from(crypto.hkdfSync("sha256", authSecret(), "deskhand", "sign-up-proof", 32)).toString("base64url");

/** A new challenge for the sign-up page. */
export function signUpChallenge(): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: env.SIGNUP_PROOF_COST,
    counter: randomInt(1000, 2000),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
    hmacSignatureSecret: signatureSecret(),
  });
}

export type SignUpProof = { challenge: Challenge; solution: Solution };

/** Refuses a sign-up without a valid, unexpired, unused solution of one of our challenges. */
export async function assertSignUpProof(db: Database, proof: SignUpProof | null | undefined): Promise<void> {
  if (!proof) throw new DeskError("BAD_REQUEST", "signUp.proofMissing");
  const result = await verifySolution({ challenge: proof.challenge, solution: proof.solution, deriveKey, hmacSignatureSecret: signatureSecret() }).catch(() => null);
  if (!result?.verified || !proof.challenge.signature) throw new DeskError("BAD_REQUEST", "signUp.proofInvalid");
  // One sign-up per solved challenge.
  await consumeLimits(db, [["proofOfWork", proof.challenge.signature]], "signUp.proofInvalid");
}
