"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { codeStepPath, signInWithTicket } from "./ticket";

/**
 * Confirms the address, then continues signed in: /d takes a new owner to their desk, and the
 * desk to its setup wizard until it is done.
 */
export function VerifyEmailButton({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmail");
  const trpc = useTRPC();
  const router = useRouter();
  const [signInFailed, setSignInFailed] = useState(false);
  const verify = useMutation(
    trpc.account.verifyEmail.mutationOptions({
      onSuccess: async (next) => {
        if (next.step === "code") {
          router.push(codeStepPath(next.ticket));
          return;
        }
        if (await signInWithTicket(next.ticket).catch(() => false)) {
          router.push("/d");
          router.refresh();
        } else {
          setSignInFailed(true);
        }
      },
    }),
  );
  if (verify.isSuccess) {
    return (
      <div className="space-y-4" role="status">
        <Alert variant="success">{signInFailed ? t("done") : t("signingIn")}</Alert>
        {signInFailed ? (
          <Link href="/signin?callbackUrl=%2Fd" className="font-medium text-brand-600 hover:text-brand-700">
            {t("toDesks")}
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {verify.isError ? <Alert variant="error">{t("invalid")}</Alert> : null}
      <Button type="button" className="w-full" loading={verify.isPending} onClick={() => verify.mutate({ token })}>
        {t("button")}
      </Button>
    </div>
  );
}
