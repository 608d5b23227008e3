"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LoadingPlaceholder, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { NoticeSlot } from "./notice-slot";
import { LedgerTable } from "./ledger-table";
import { PlanPicker } from "./plan-picker";
import { StatusCard } from "./status-card";
import { TopUp } from "./top-up";
import { UsageCard } from "./usage-card";

/** How long the page keeps asking for the balance after Stripe says a payment went through. */
const POLLS_AFTER_PAYMENT = 20;

/** Billing for the owner: balance and status, today's usage, top-up, plan and options, the ledger. */
export function BillingView({ desk, timeZone, topUpResult }: { desk: string; timeZone: string; topUpResult: "success" | "cancelled" | null }) {
  const t = useTranslations("billing");
  const trpc = useTRPC();
  const router = useRouter();
  const [result, setResult] = useState(topUpResult);
  // Stripe's webhook lands a moment after the customer is sent back: keep asking until it has.
  const polling = result === "success";
  const overview = useQuery({
    ...trpc.billing.overview.queryOptions({ desk }),
    refetchInterval: (query) => (polling && query.state.dataUpdateCount < POLLS_AFTER_PAYMENT ? 3000 : false),
  });

  const notice =
    result === "success"
      ? { variant: "success" as const, text: t("topUp.success") }
      : result === "cancelled"
        ? { variant: "info" as const, text: t("topUp.cancelled") }
        : null;
  const closeNotice = () => {
    setResult(null);
    router.replace(`/d/${desk}/billing`, { scroll: false });
  };

  return (
    <div className={cn("flex flex-col", overview.data ? "gap-8" : "gap-6")}>
      <NoticeSlot notice={notice} onClose={closeNotice} />
      <QueryState
        query={overview}
        loading={
          <LoadingPlaceholder className="flex flex-col gap-6">
            <div className="grid gap-6 lg:grid-cols-5">
              <Skeleton className="h-64 rounded-xl lg:col-span-3" />
              <Skeleton className="h-64 rounded-xl lg:col-span-2" />
            </div>
            <Skeleton className="h-48 rounded-xl" />
            <Skeleton className="h-80 rounded-xl" />
          </LoadingPlaceholder>
        }
        errorMessage={t("loadFailed")}
      >
        {(data) => (
          <>
            <div className="grid items-start gap-6 lg:grid-cols-5">
              <StatusCard data={data} timeZone={timeZone} className="lg:col-span-3" />
              <UsageCard data={data} desk={desk} className="lg:col-span-2" />
            </div>
            <TopUp desk={desk} data={data} />
            <PlanPicker desk={desk} data={data} />
            <LedgerTable desk={desk} data={data} timeZone={timeZone} polling={polling} />
          </>
        )}
      </QueryState>
    </div>
  );
}
