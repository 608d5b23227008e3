"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";
import { CodeBlock } from "./widget-code-block";

/** Settings → Mail: the forwarding address for incoming mail, and mail that could not be imported. */
export function InboundMail({ desk }: { desk: string }) {
  const t = useTranslations("mail.inbound");
  const format = useFormatter();
  const trpc = useTRPC();
  const inbound = useQuery(trpc.mail.inbound.queryOptions({ desk }));
  return (
    <section aria-labelledby="inbound-title" className="mb-6 rounded-xl border border-slate-200 bg-white p-6">
      <h2 id="inbound-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("description")}</p>
      {inbound.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : inbound.isError ? (
        <Alert variant="error">{t("loadFailed")}</Alert>
      ) : !inbound.data.enabled ? (
        <Alert variant="info">
          {t("optionNeeded")}{" "}
          <Link href={`/d/${desk}/billing`} className="font-medium underline">
            {t("toBilling")}
          </Link>
        </Alert>
      ) : (
        <>
          <CodeBlock code={inbound.data.address} label={t("addressLabel")} copyLabel={t("copy")} copiedText={t("copied")} failedText={t("copyFailed")} wrap />
          <p className="mt-2 text-sm text-slate-600">{t("how")}</p>
          <h3 className="mt-6 text-sm font-semibold text-slate-900">{t("failedTitle")}</h3>
          {inbound.data.failures.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("noFailures")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm" aria-label={t("failedTitle")}>
              {inbound.data.failures.map((f) => (
                <li key={f.id} className="flex flex-wrap gap-x-4 px-3 py-2">
                  <span className="text-slate-500 tabular-nums">{format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
                  <span className="text-slate-900">{f.error}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
