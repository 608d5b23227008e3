"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { serverMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/** For the invited person, already signed in: one click joins the desk. */
export function AcceptInvitation({ token, email }: { token: string; email: string }) {
  const t = useTranslations("staff.invitePage");
  const router = useRouter();
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const failure = useCallFailure(serverMessage);
  const [joined, setJoined] = useState(false);

  const onAccept = () =>
    failure.run(async () => {
      const { deskSlug } = await accept.mutateAsync({ token });
      setJoined(true);
      router.push(`/d/${deskSlug}`);
      router.refresh();
    });

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("signedInAs", { email })}</p>
      {failure.message ? <Alert variant="error">{failure.message}</Alert> : null}
      <Button type="button" size="lg" loading={accept.isPending || joined} onClick={() => void onAccept()}>
        {t("accept")}
      </Button>
    </div>
  );
}
