"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Signed in as someone else: say so, and sign out back to this same invitation. */
export function SwitchAccount({ token, signedInAs, email }: { token: string; signedInAs: string; email: string }) {
  const t = useTranslations("staff.invitePage");
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <Alert variant="warning" title={t("otherAccount.title")}>
        {t("otherAccount.body", { signedInAs, email })}
      </Alert>
      <Button
        type="button"
        size="lg"
        loading={pending}
        onClick={() => {
          setPending(true);
          void signOut({ redirectTo: `/invite/${token}` }).catch(() => setPending(false));
        }}
      >
        {t("otherAccount.signOut")}
      </Button>
    </div>
  );
}
