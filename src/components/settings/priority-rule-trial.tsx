"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AppRouter } from "@/server/root";
import { useTRPC } from "@/trpc/react";

type TrialInput = Omit<inferRouterInputs<AppRouter>["priority"]["tryRule"], "desk" | "replacing">;
type Trial = inferRouterOutputs<AppRouter>["priority"]["tryRule"];

/**
 * "Try on recent tickets": how the desk's latest tickets would score with the rule as it stands in
 * the form, before it is saved. `values` returns null (and shows the form's errors) when the form
 * is not valid yet.
 */
export function PriorityRuleTrial({ desk, replacing, values }: { desk: string; replacing: string | null; values: () => TrialInput | null }) {
  const t = useTranslations("priority.settings.trial");
  const tPriority = useTranslations("ticket.priority");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [trial, setTrial] = useState<Trial | null>(null);
  const failure = useCallFailure();

  async function run() {
    const input = values();
    if (!input) return;
    setPending(true);
    const tried = await failure.run(async () => setTrial(await queryClient.fetchQuery({ ...trpc.priority.tryRule.queryOptions({ desk, replacing, ...input }), staleTime: 0 })));
    if (!tried) setTrial(null);
    setPending(false);
  }

  return (
    <>
      <Button type="button" variant="secondary" loading={pending} onClick={() => void run()}>
        {t("button")}
      </Button>
      {failure.message ? <Alert variant="error" className="basis-full">{failure.message}</Alert> : null}
      {trial ? (
        <div className="basis-full rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm" role="status" data-testid="priority-trial">
          <p className="font-medium text-slate-900">
            {trial.checked === 0 ? t("noTickets") : trial.fired === 0 ? t("none", { checked: trial.checked }) : t("result", { fired: trial.fired, checked: trial.checked, changed: trial.changed })}
          </p>
          {trial.examples.length ? (
            <ul className="mt-2 flex flex-col gap-1 text-slate-700">
              {trial.examples.map((example) => (
                <li key={example.id} className="flex gap-2">
                  <Link href={`/d/${desk}/tickets/${example.id}`} className="shrink-0 font-medium text-brand-700 hover:underline">
                    #{example.number}
                  </Link>
                  <span className="min-w-0 flex-1 truncate" title={example.subject}>
                    {example.subject}
                  </span>
                  <span className="shrink-0 text-slate-600">
                    {example.manual
                      ? t("manual")
                      : example.from === example.to
                        ? t("unchanged", { priority: tPriority(example.to) })
                        : `${tPriority(example.from)} → ${tPriority(example.to)}`}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
