"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { useTRPC } from "@/trpc/react";

type Props = {
  desk: string;
  customer: { id: string; name: string; email: string; blockedAt: Date | null };
  onDone: (message: string) => void;
};

/** Block or unblock, after saying what it means: a blocked customer's messages are held, never lost. */
export function BlockButton({ desk, customer, onDone }: Props) {
  const t = useTranslations("customers.block");
  const tCommon = useTranslations("common");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ErrorMessage>(null);
  const setBlocked = useMutation(trpc.customers.setBlocked.mutationOptions());
  const blocked = customer.blockedAt !== null;
  const who = customer.name || customer.email;

  const confirm = async () => {
    setError(null);
    try {
      const updated = await setBlocked.mutateAsync({ desk, customerId: customer.id, blocked: !blocked });
      queryClient.setQueryData(trpc.customers.get.queryKey({ desk, customerId: customer.id }), updated);
      await queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() });
      setOpen(false);
      onDone(blocked ? t("unblocked", { name: who }) : t("blocked", { name: who }));
    } catch (cause) {
      setError(serverMessage(cause));
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant={blocked ? "secondary" : "danger"}>{blocked ? t("unblock") : t("block")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{blocked ? t("unblockTitle", { name: who }) : t("blockTitle", { name: who })}</DialogTitle>
          <DialogDescription>{blocked ? t("unblockDescription", { email: customer.email }) : t("blockDescription", { email: customer.email })}</DialogDescription>
        </DialogHeader>
        {blocked ? null : <p className="text-sm text-slate-600">{t("blockNote")}</p>}
        {error ? <Alert variant="error">{errorText(error)}</Alert> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{tCommon("cancel")}</Button>
          </DialogClose>
          <Button variant={blocked ? "primary" : "danger"} loading={setBlocked.isPending} onClick={() => void confirm()}>
            {blocked ? t("confirmUnblock") : t("confirmBlock")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
