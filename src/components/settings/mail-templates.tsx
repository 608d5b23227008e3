"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { TemplateEditor } from "./mail-template-editor";
import { kindKeys, locales, type Kind, type Locale } from "./mail-template-kinds";

const kinds = Object.keys(kindKeys) as Kind[];

/** Settings → Mail templates: the customer mails in both languages, an editor and a live preview. */
export function MailTemplates({ desk }: { desk: string }) {
  const t = useTranslations("mail.templates");
  const trpc = useTRPC();
  const query = useQuery(trpc.mail.templates.queryOptions({ desk }));
  const [locale, setLocale] = useState<Locale>("en");
  const [kind, setKind] = useState<Kind>("ticket.received");

  return (
    <QueryState
      query={query}
      loading={
        <ListSkeleton
          rows={1}
          className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]"
          rowClassName="h-[480px] w-full rounded-xl"
          before={
            <div className="flex flex-col gap-2">
              {Array.from({ length: 5 }, (_, i) => (
                <Skeleton key={i} className="h-14 w-full rounded-lg" />
              ))}
            </div>
          }
        />
      }
      errorMessage={t("loadFailed")}
      isEmpty={(templates) => templates.length === 0}
      empty={<EmptyState title={t("empty")} />}
    >
      {(templates) => {
        const inLocale = templates.filter((tpl) => tpl.locale === locale);
        const selected = inLocale.find((tpl) => tpl.kind === kind) ?? inLocale[0];

        return (
          <div className="grid items-start gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
            <div className="flex flex-col gap-4">
              <div role="group" aria-label={t("language")} className="inline-flex w-fit rounded-lg border border-slate-300 bg-white p-0.5 shadow-xs">
                {locales.map((l) => (
                  <button
                    key={l}
                    type="button"
                    aria-pressed={locale === l}
                    onClick={() => setLocale(l)}
                    className={cn(
                      "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
                      locale === l ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    {t(`locales.${l}`)}
                  </button>
                ))}
              </div>
              <ul aria-label={t("listLabel")} className="flex flex-col gap-1.5">
                {kinds.map((k) => {
                  const tpl = inLocale.find((x) => x.kind === k);
                  if (!tpl) return null;
                  const current = selected?.kind === k;
                  return (
                    <li key={k}>
                      <button
                        type="button"
                        aria-pressed={current}
                        onClick={() => setKind(k)}
                        className={cn(
                          "flex w-full flex-col items-start gap-0.5 rounded-lg border px-3 py-2 text-left transition-colors",
                          current ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-white hover:bg-slate-50",
                        )}
                      >
                        <span className="flex w-full items-center justify-between gap-2">
                          <span className={cn("text-sm font-medium", current ? "text-brand-700" : "text-slate-900")}>{t(`kinds.${kindKeys[k]}.name`)}</span>
                          {tpl.custom ? <Badge variant="brand">{t("customised")}</Badge> : null}
                        </span>
                        <span className="text-xs text-slate-500">{t(`kinds.${kindKeys[k]}.when`)}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
            {selected ? <TemplateEditor key={`${selected.kind}:${selected.locale}`} desk={desk} template={selected} /> : <EmptyState title={t("empty")} />}
          </div>
        );
      }}
    </QueryState>
  );
}
