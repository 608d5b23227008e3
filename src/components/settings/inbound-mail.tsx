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
              {data.deskAddress ? (
                <div className="mb-5">
                  <CodeBlock code={data.deskAddress} label={t("deskAddressLabel")} copyLabel={t("copy")} copiedText={t("copied")} failedText={t("copyFailed")} wrap />
                  <p className="mt-2 text-sm text-slate-600">{t("deskAddressHow")}</p>
                  {data.dnsRecords.length ? (
                    <details className="mt-2 text-sm text-slate-600">
                      <summary className="cursor-pointer font-medium text-slate-700">{t("dnsTitle")}</summary>
                      <table className="mt-2 w-full table-fixed text-left text-xs">
                        <thead>
                          <tr className="text-slate-500">
                            <th className="w-14 py-1 font-medium">{t("dnsType")}</th>
                            <th className="w-1/3 py-1 font-medium">{t("dnsName")}</th>
                            <th className="py-1 font-medium">{t("dnsValue")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {data.dnsRecords.map((record) => (
                            <tr key={`${record.type}-${record.name}`} className="border-t border-slate-100 align-top">
                              <td className="py-1 font-mono">{record.type}</td>
                              <td className="py-1 font-mono break-all">{record.name}</td>
                              <td className="py-1 font-mono break-all">{record.value}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  ) : null}
                </div>
              ) : null}
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
