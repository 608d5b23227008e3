"use client";

import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { AppRouter } from "@/server/root";

/** A message for the form as a whole: a key of the "errors" namespace and its values. */
export type ErrorMessage = { key: string; params?: Record<string, string | number> } | null;

/**
 * Translates an error key from a zod schema or the server ("slug.taken") into the user's
 * language; unknown keys fall back to a generic message rather than showing a raw key.
 */
export function useErrorText() {
  const t = useTranslations("errors");
  return (message: string | ErrorMessage | undefined): string | undefined => {
    if (!message) return undefined;
    const { key, params } = typeof message === "string" ? { key: message, params: undefined } : message;
    return t.has(key) ? t(key, params) : t("generic");
  };
}

/**
 * Puts the server's field errors (from the same zod schema, or a DeskError's fields) on the form,
 * and returns the message for the form as a whole (null when every error found its field).
 */
export function applyServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly Path<T>[]): ErrorMessage {
  if (!(error instanceof TRPCClientError)) return { key: "network" };
  const data = (error as TRPCClientError<AppRouter>).data;
  let placed = false;
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const message = Array.isArray(messages) ? messages[0] : messages;
    if (message && (fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: "server", message });
      placed = true;
    }
  }
  if (placed) return null;
  return serverMessage(error);
}

/** The form-level message of a failed call. */
export function serverMessage(error: unknown): ErrorMessage {
  if (!(error instanceof TRPCClientError)) return { key: "network" };
  const data = (error as TRPCClientError<AppRouter>).data;
  const key = data?.messageKey ?? data?.formErrors?.[0] ?? "generic";
  // Something we did not foresee: the reference lets support find the logged error.
  if (key === "generic" && data?.requestId) return { key: "genericWithReference", params: { reference: data.requestId } };
  return { key, params: data?.messageParams ?? undefined };
}

/**
 * A failed call as one message, preferring the first field error when the server named a field
 * (small forms and confirmations show it in one place).
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
