"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import { SessionsSection } from "./sessions";
import { TwoFactorSection } from "./two-factor";

/** Profile → Security: the person's own, on every desk they belong to. */
export function SecurityView({ email }: { email: string }) {
  const t = useTranslations("auth.security");
  const trpc = useTRPC();
  const security = useQuery(trpc.account.security.queryOptions());
  const refresh = () => void security.refetch();
  return (
    <QueryState query={security} errorMessage={t("loadFailed")}>
      {(data) => (
        <div className="flex flex-col gap-6">
          <TwoFactorSection state={data.twoFactor} email={email} onChanged={refresh} />
          <SessionsSection sessions={data.sessions} onChanged={refresh} />
        </div>
      )}
    </QueryState>
  );
}
