import { signIn } from "next-auth/react";

/**
 * Exchanges a sign-in ticket (the earlier steps proven: password and code, a reset or confirmation
 * link) for a session. False when Auth.js refused it (used, expired, or the account changed).
 */
export async function signInWithTicket(ticket: string): Promise<boolean> {
  const result = await signIn("ticket", { ticket, redirect: false });
  return Boolean(result && !result.error);
}

/** Where the second-factor step continues, on the sign-in page. */
export const codeStepPath = (ticket: string, callbackPath = "/d") =>
  `/signin?step=code&ticket=${encodeURIComponent(ticket)}&callbackUrl=${encodeURIComponent(callbackPath)}`;
