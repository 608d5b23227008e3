"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";
import { FailedMailList } from "./failed-mail";
import { InboundRules } from "./inbound-rules";
import { CodeBlock } from "./widget-code-block";

/** Settings → Mail: the forwarding address for incoming mail, its rules, and mail that could not be imported. */
export function InboundMail({ desk }: { desk: string }) {
  const t = useTranslations("mail.inbound");
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
          <InboundRules desk={desk} rules={inbound.data.rules} />
          <h3 className="mt-6 text-sm font-semibold text-slate-900">{t("failedTitle")}</h3>
          {inbound.data.failures.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("noFailures")}</p>
          ) : (
            <FailedMailList desk={desk} failures={inbound.data.failures} />
          )}
        </>
      )}
    </section>
  );
}
