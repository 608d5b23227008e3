import { TRPCClientError } from "@trpc/client";
import type { ErrorMessage } from "@/components/forms/errors";
import { callError } from "@/components/ticket/errors";

/**
 * A failed portal call as one message. The portal's token check refuses with its message key as
 * the error's message (there is no service error behind it), so that key is used when the
 * formatter found none.
 */
export function portalCallError(error: unknown): ErrorMessage {
  const message = callError(error);
  if (message?.key === "generic" && error instanceof TRPCClientError && /^[a-z]+\.[a-zA-Z.]+$/.test(error.message)) return { key: error.message };
  return message;
}
