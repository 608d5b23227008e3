"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { serverMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

type Props = {
  desk: string;
  customer: { id: string; name: string; email: string; vip: boolean };
  onDone: (message: string) => void;
};

/** Marks a customer as VIP (or not): what the "customer is VIP" priority rules look for. */
export function VipButton({ desk, customer, onDone }: Props) {
  const t = useTranslations("priority.customerVip");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setVip = useMutation(trpc.customers.setVip.mutationOptions());
  const failure = useCallFailure(serverMessage);
  const who = customer.name || customer.email;

  const toggle = () =>
    failure.run(async () => {
      const updated = await setVip.mutateAsync({ desk, customerId: customer.id, vip: !customer.vip });
      queryClient.setQueryData(trpc.customers.get.queryKey({ desk, customerId: customer.id }), updated);
      await queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() });
      onDone(updated.vip ? t("marked", { name: who }) : t("unmarked", { name: who }));
    });

  return (
    <>
      <Button variant="secondary" aria-pressed={customer.vip} loading={setVip.isPending} onClick={() => void toggle()}>
        {customer.vip ? t("unmark") : t("mark")}
      </Button>
      {failure.message ? (
        <p role="alert" className="basis-full text-sm text-red-700">
          {failure.message}
        </p>
      ) : null}
    </>
  );
}
