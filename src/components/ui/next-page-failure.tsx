"use client";

import { useTranslations } from "next-intl";
import { serverMessage, useErrorText } from "@/components/forms/errors";
import { Alert } from "./alert";
import { Button } from "./button";

/** The next page of a list failed to load: the server's message and a way to try that page again. */
export function NextPageFailure({ paging }: { paging: { isFetchNextPageError: boolean; error: unknown; fetchNextPage: () => unknown } }) {
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  if (!paging.isFetchNextPageError) return null;
  return (
    <Alert variant="error" className="mt-2" action={<Button variant="secondary" size="sm" onClick={() => void paging.fetchNextPage()}>{tCommon("retry")}</Button>}>
      {errorText(serverMessage(paging.error))}
    </Alert>
  );
}
