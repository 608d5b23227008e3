"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

export function VerifyEmailButton({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmail");
  const trpc = useTRPC();
  const verify = useMutation(trpc.account.verifyEmail.mutationOptions());
  if (verify.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert variant="success">{t("done")}</Alert>
        <Link href="/d" className="font-medium text-brand-600 hover:text-brand-700">
          {t("toDesks")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {verify.isError ? <Alert variant="error">{t("invalid")}</Alert> : null}
      <Button type="button" className="w-full" disabled={verify.isPending} onClick={() => verify.mutate({ token })}>
        {t("button")}
      </Button>
    </div>
  );
}
