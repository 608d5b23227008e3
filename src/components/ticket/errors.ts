import { TRPCClientError } from "@trpc/client";
import { serverMessage, type ErrorMessage } from "@/components/forms/errors";
import type { AppRouter } from "@/server/root";

/**
 * A failed call as one message, preferring the first field error when the server named a field
 * (forms here are small enough to show it in one place).
 */
export function callError(error: unknown): ErrorMessage {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    if (!data?.messageKey) {
      for (const messages of Object.values(data?.fieldErrors ?? {})) {
        const message = Array.isArray(messages) ? messages[0] : messages;
        if (typeof message === "string") return { key: message };
      }
    }
  }
  return serverMessage(error);
}

/** The server's message for one field, if it named that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const fields = (error as TRPCClientError<AppRouter>).data?.fieldErrors as Record<string, unknown> | null | undefined;
  const messages = fields?.[field];
  const message = Array.isArray(messages) ? messages[0] : messages;
  return typeof message === "string" ? message : undefined;
}
