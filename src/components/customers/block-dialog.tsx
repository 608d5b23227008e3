"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { serverMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const failure = useCallFailure(serverMessage);
  const setBlocked = useMutation(trpc.customers.setBlocked.mutationOptions());
  const blocked = customer.blockedAt !== null;
  const who = customer.name || customer.email;

  const confirm = () =>
    failure.run(async () => {
      const updated = await setBlocked.mutateAsync({ desk, customerId: customer.id, blocked: !blocked });
      queryClient.setQueryData(trpc.customers.get.queryKey({ desk, customerId: customer.id }), updated);
      await queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() });
      setOpen(false);
      onDone(blocked ? t("unblocked", { name: who }) : t("blocked", { name: who }));
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) failure.set(null);
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
        {failure.message ? <Alert variant="error">{failure.message}</Alert> : null}
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
