"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { serverMessage, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/** For the invited person, already signed in: one click joins the desk. */
export function AcceptInvitation({ token, email }: { token: string; email: string }) {
  const t = useTranslations("staff.invitePage");
  const errorText = useErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const [error, setError] = useState<ErrorMessage>(null);
  const [joined, setJoined] = useState(false);

  async function onAccept() {
    setError(null);
    try {
      const { deskSlug } = await accept.mutateAsync({ token });
      setJoined(true);
      router.push(`/d/${deskSlug}`);
      router.refresh();
    } catch (failure) {
      setError(serverMessage(failure));
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("signedInAs", { email })}</p>
      {error ? <Alert variant="error">{errorText(error)}</Alert> : null}
      <Button type="button" size="lg" loading={accept.isPending || joined} onClick={() => void onAccept()}>
        {t("accept")}
      </Button>
    </div>
  );
}
