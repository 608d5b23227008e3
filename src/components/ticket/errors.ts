import { TRPCClientError } from "@trpc/client";
export { callError } from "@/components/forms/errors";
import type { AppRouter } from "@/server/root";

/** The server's message for one field, if it named that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const fields = (error as TRPCClientError<AppRouter>).data?.fieldErrors as Record<string, unknown> | null | undefined;
  const messages = fields?.[field];
  const message = Array.isArray(messages) ? messages[0] : messages;
  return typeof message === "string" ? message : undefined;
}
