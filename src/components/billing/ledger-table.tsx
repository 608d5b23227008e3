"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { strokeIcon } from "@/components/ui/icon";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { SectionHeading } from "@/components/ui/section-heading";
import { Cell, ShowMore, Table, TableBody, TableHeader } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { useDayFormat, useMoney, type BillingOverview, type LedgerEntry } from "./shared";

const LedgerIcon = strokeIcon("0 0 24 24", "", <><rect x="4" y="3" width="16" height="18" rx="2" /><path d="M8 8h8M8 12h8M8 16h5" /></>);

const PAGE = 25;

const kindBadge: Record<LedgerEntry["kind"], BadgeVariant> = {
  trial: "info",
  topup: "success",
  charge: "neutral",
  refund: "warning",
  adjustment: "brand",
};

/** Every change of the balance, newest first, with the balance after it; older entries on demand. */
export function LedgerTable({ desk, data, timeZone, polling }: { desk: string; data: BillingOverview; timeZone: string; polling: boolean }) {
  const t = useTranslations("billing.ledger");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Pages are fetched one by one as plain ledger queries: billing.ledger's input takes no `direction`,
  // which tRPC's infiniteQueryOptions would add (and the strict input would refuse).
  const query = useInfiniteQuery({
    queryKey: [...trpc.billing.ledger.pathKey(), { desk, pages: PAGE }],
    queryFn: ({ pageParam }) => queryClient.fetchQuery({ ...trpc.billing.ledger.queryOptions({ desk, limit: PAGE, cursor: pageParam }), staleTime: 0 }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // After a payment the new entry arrives with the webhook, like the balance.
    refetchInterval: (q) => (polling && q.state.dataUpdateCount < 20 ? 3000 : false),
  });

  const content = (
    <QueryState
      query={query}
      loading={<ListSkeleton rows={5} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4" />}
      errorMessage={t("loadFailed")}
      isEmpty={(ledger) => ledger.pages.every((page) => page.entries.length === 0)}
      empty={
        <EmptyState
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          icon={<LedgerIcon />}
        />
      }
    >
      {(ledger) => {
        const entries = ledger.pages.flatMap((page) => page.entries);
        return (
          <Table
            aria-labelledby="billing-ledger"
            footer={<ShowMore paging={query} label={t("more")} />}
          >
            <TableHeader
              columns={[
                t("date"),
                t("kind"),
                t("descriptionColumn"),
                { label: t("amount"), align: "right" },
                { label: t("balance"), align: "right" },
                { label: t("receipt"), srOnly: true },
              ]}
            />
            <TableBody>
              {entries.map((entry) => (
                <LedgerRow key={entry.id} entry={entry} data={data} timeZone={timeZone} />
              ))}
            </TableBody>
          </Table>
        );
      }}
    </QueryState>
  );

  return (
    <section aria-labelledby="billing-ledger" className="flex flex-col gap-4">
      <SectionHeading id="billing-ledger" title={t("title")} description={t("description", { timeZone: timeZone.replaceAll("_", " ") })} />
      {content}
    </section>
  );
}

function LedgerRow({ entry, data, timeZone }: { entry: LedgerEntry; data: BillingOverview; timeZone: string }) {
  const t = useTranslations("billing.ledger");
  const tOptions = useTranslations("billing.options");
  const format = useFormatter();
  const money = useMoney(data.currency);
  const day = useDayFormat();
  const signed = (amount: number) => (amount > 0 ? `+${money(amount)}` : amount < 0 ? `−${money(-amount)}` : money(0));

  let description: React.ReactNode;
  if (entry.kind === "charge") {
    // The day's plan and options, as recorded with the charge (the description is the server's English).
    const planId = typeof entry.details.plan === "string" ? entry.details.plan : null;
    const planName = data.plans.find((plan) => plan.id === planId)?.name ?? entry.description;
    const options = Array.isArray(entry.details.options) ? entry.details.options.filter((o): o is string => typeof o === "string" && tOptions.has(o)) : [];
    const included = data.plans.find((plan) => plan.id === planId)?.optionsIncluded ?? false;
    description = (
      <>
        <span className="block text-slate-900">{entry.day ? t("chargeFor", { day: day(entry.day) }) : t("kinds.charge")}</span>
        <span className="block text-xs text-slate-500">
          {options.length > 0 && !included ? `${planName} + ${format.list(options.map((o) => tOptions(o)), { type: "conjunction" })}` : planName}
        </span>
      </>
    );
  } else if (entry.kind === "adjustment") {
    description = (
      <>
        <span className="block text-slate-900">{t("adjustmentBy")}</span>
        <span className="block text-xs break-words text-slate-500">{entry.description}</span>
      </>
    );
  } else {
    description = <span className="text-slate-900">{t(`describe.${entry.kind}`)}</span>;
  }

  return (
    <tr>
      <Cell className="whitespace-nowrap">
        <time dateTime={entry.createdAt.toISOString()}>
          <span className="block text-slate-900">{format.dateTime(entry.createdAt, { dateStyle: "medium", timeZone })}</span>
          <span className="block text-xs text-slate-500">{format.dateTime(entry.createdAt, { timeStyle: "short", timeZone })}</span>
        </time>
      </Cell>
      <Cell>
        <Badge variant={kindBadge[entry.kind]}>{t(`kinds.${entry.kind}`)}</Badge>
      </Cell>
      <Cell className="max-w-md min-w-48">{description}</Cell>
      <Cell className={cn("text-right font-semibold whitespace-nowrap tabular-nums", entry.amount > 0 ? "text-emerald-700" : entry.amount < 0 ? "text-red-700" : "text-slate-600")}>
        <span className="sr-only">{entry.amount >= 0 ? t("credit") : t("debit")} </span>
        {signed(entry.amount)}
      </Cell>
      <Cell className="text-right whitespace-nowrap text-slate-900 tabular-nums">{money(entry.balanceAfter)}</Cell>
      <Cell className="text-right whitespace-nowrap">
        {entry.stripeReceiptUrl ? (
          <a href={entry.stripeReceiptUrl} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {t("receiptLink")}
            <span className="sr-only"> {t("newTab")}</span>
          </a>
        ) : null}
      </Cell>
    </tr>
  );
}
