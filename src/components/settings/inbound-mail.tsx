"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryState } from "@/components/ui/query-state";
import { CardSection } from "@/components/ui/section-heading";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";
import { FailedMailList } from "./failed-mail";
import { InboundRules } from "./inbound-rules";
import { CodeBlock } from "./widget-code-block";
import { OptionNeeded } from "./option-needed";

/** Settings → Mail: the forwarding address for incoming mail, its rules, and mail that could not be imported. */
export function InboundMail({ desk }: { desk: string }) {
  const t = useTranslations("mail.inbound");
  const trpc = useTRPC();
  const inbound = useQuery(trpc.mail.inbound.queryOptions({ desk }));
  return (
    <CardSection id="inbound-title" title={t("title")} description={t("description")} className="mb-6">
      <QueryState query={inbound} loading={<Skeleton className="h-10 w-full" />} errorMessage={t("loadFailed")}>
        {(data) =>
          data.enabled ? (
            <>
              <CodeBlock code={data.address} label={t("addressLabel")} copyLabel={t("copy")} copiedText={t("copied")} failedText={t("copyFailed")} wrap />
              <p className="mt-2 text-sm text-slate-600">{t("how")}</p>
              <InboundRules desk={desk} rules={data.rules} />
              <h3 className="mt-6 text-sm font-semibold text-slate-900">{t("failedTitle")}</h3>
              {data.failures.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600">{t("noFailures")}</p>
              ) : (
                <FailedMailList desk={desk} failures={data.failures} />
              )}
            </>
          ) : (
            <OptionNeeded desk={desk} text={t("optionNeeded")} linkText={t("toBilling")} />
          )
        }
      </QueryState>
    </CardSection>
  );
}
