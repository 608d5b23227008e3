"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useTRPC } from "@/trpc/react";
import { portalCallError } from "./errors";
import { type TicketStatus } from "@/server/tickets/values";

/** "Close this request" while it is in progress, "Reopen" once solved or closed; both asked first. */
export function StatusToggle({ token, number, status }: { token: string; number: number | null; status: TicketStatus }) {
  const t = useTranslations("portal.statusAction");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const setStatus = useMutation(trpc.portal.setStatus.mutationOptions());
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ErrorMessage>(null);
  const reopen = status === "solved" || status === "closed";
  const key = reopen ? "reopen" : "close";

  async function onConfirm() {
    setError(null);
    try {
      await setStatus.mutateAsync({ token, number, status: reopen ? "open" : "closed" });
      setOpen(false);
      router.refresh();
    } catch (failure) {
      setError(portalCallError(failure));
    }
  }

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        className="self-start"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t(`${key}.button`)}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t(`${key}.title`)}
        description={t(`${key}.description`)}
        confirmLabel={t(`${key}.confirm`)}
        pending={setStatus.isPending}
        error={error ? errorText(error) : null}
        onConfirm={() => void onConfirm()}
      />
    </>
  );
}
