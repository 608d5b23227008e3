"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/** Confirms a desk's sending address from the link mailed to it (a press, not the visit, confirms). */
export function ConfirmSenderButton({ token }: { token: string }) {
  const t = useTranslations("mail.confirmSender");
  const trpc = useTRPC();
  const confirm = useMutation(trpc.mail.confirmSendingAddress.mutationOptions());
  if (confirm.data) {
    return (
      <div className="space-y-4">
        <Alert variant="success">{t("done", { address: confirm.data.address })}</Alert>
        <Link href={`/d/${confirm.data.desk}/settings/mail`} className="font-medium text-brand-600 hover:text-brand-700">
          {t("toSettings")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {confirm.isError ? <Alert variant="error">{t("invalid")}</Alert> : null}
      <Button type="button" className="w-full" loading={confirm.isPending} onClick={() => confirm.mutate({ token })}>
        {t("button")}
      </Button>
    </div>
  );
}
