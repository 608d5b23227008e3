"use client";

import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { AppRouter } from "@/server/root";

/** Translates an error key from a zod schema or the server ("slug.taken") into the user's language. */
export function useErrorText() {
  const t = useTranslations("errors");
  return (key: string | undefined | null): string | undefined => {
    if (!key) return undefined;
    return t.has(key) ? t(key) : t("generic");
  };
}

/**
 * Puts the server's field errors (from the same zod schema, or a DeskError's fields) on the form,
 * and returns the message for the form as a whole.
 */
export function applyServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly Path<T>[]): string {
  if (!(error instanceof TRPCClientError)) return "network";
  const data = (error as TRPCClientError<AppRouter>).data;
  let placed = false;
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const message = Array.isArray(messages) ? messages[0] : messages;
    if (message && (fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: "server", message });
      placed = true;
    }
  }
  if (placed) return "";
  return data?.messageKey ?? data?.formErrors?.[0] ?? "generic";
}
