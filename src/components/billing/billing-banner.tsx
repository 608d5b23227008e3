"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/**
 * The owner's reminder above every panel page: amber while the balance covers fewer than five days,
 * red while the desk is paused. Billing itself says the same in more detail, so it is not repeated
 * there. Only owners may read billing, so the layout renders this for owners only.
 */
export function BillingBanner({ desk }: { desk: string }) {
  const t = useTranslations("billing.banner");
  const trpc = useTRPC();
  const pathname = usePathname();
  const overview = useQuery({ ...trpc.billing.overview.queryOptions({ desk }), staleTime: 60_000 });
  const data = overview.data;
  if (!data || pathname.startsWith(`/d/${desk}/billing`)) return null;

  const topUp = (
    <Link href={`/d/${desk}/billing#top-up`} className={buttonClassName({ variant: "secondary", size: "sm" })}>
      {t("topUp")}
    </Link>
  );
  if (data.status === "suspended") {
    return (
      <Alert variant="error" title={t("suspendedTitle")} action={topUp} className="mb-6" data-testid="billing-banner">
        {t("suspendedOwner")}
      </Alert>
    );
  }
  if (data.lowBalance) {
    return (
      <Alert variant="warning" role="status" action={topUp} className="mb-6" data-testid="billing-banner">
        {t("low", { days: data.daysLeft ?? 0 })}
      </Alert>
    );
  }
  return null;
}
