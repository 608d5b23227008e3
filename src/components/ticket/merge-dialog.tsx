"use client";

import { keepPreviousData, skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter, FormDialogHeader } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { statusVariant } from "./shared";
import { ticketHref, useTicket } from "./ticket-context";

/** Merges this ticket into another one, found by number or text; then opens that ticket. */
export function MergeDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg">{open ? <MergeForm /> : null}</DialogContent>
    </Dialog>
  );
}

function MergeForm() {
  const t = useTranslations("ticket.merge");
  const tStatus = useTranslations("ticket.status");
  const trpc = useTRPC();
  const router = useRouter();
  const ids = useId();
  const { desk, data } = useTicket();
  const [text, setText] = useState("");
  const [search, setSearch] = useState("");
  const [targetId, setTargetId] = useState<string | null>(null);
  const failure = useCallFailure();
  const merge = useMutation(trpc.tickets.merge.mutationOptions());

  // Search as the agent types, a moment after they pause.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery(
    trpc.tickets.search.queryOptions(search ? { desk: desk.slug, query: search } : skipToken, { placeholderData: keepPreviousData }),
  );
  const candidates = (search ? (results.data ?? []) : []).filter((r) => r.id !== data.ticket.id && !r.deletedAt);
  const target = candidates.find((c) => c.id === targetId) ?? null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!target) return;
    await failure.run(async () => {
      await merge.mutateAsync({ desk: desk.slug, sourceId: data.ticket.id, targetId: target.id });
      router.push(ticketHref(desk.slug, target.id));
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={t("title", { number: data.ticket.number })} description={t("description", { number: data.ticket.number })} />
      <Field label={t("search")} hint={t("searchHint")}>
        <Input type="search" value={text} autoComplete="off" autoFocus onChange={(e) => setText(e.target.value)} />
      </Field>
      <div aria-live="polite" aria-busy={results.isFetching || undefined}>
        {!search ? null : results.isPending ? (
          <p className="flex items-center gap-2 text-sm text-slate-500">
            <Spinner size="sm" /> {t("searching")}
          </p>
        ) : results.isError ? (
          <Alert variant="error">{t("searchFailed")}</Alert>
        ) : candidates.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noResults")}</p>
        ) : (
          <fieldset>
            <legend className="sr-only">{t("results")}</legend>
            <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto">
              {candidates.map((candidate) => (
                <li key={candidate.id}>
                  <label
                    className={cn(
                      "flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2 text-sm transition-colors",
                      targetId === candidate.id ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:bg-slate-50",
                    )}
                  >
                    <input
                      type="radio"
                      name={`${ids}-target`}
                      value={candidate.id}
                      checked={targetId === candidate.id}
                      onChange={() => setTargetId(candidate.id)}
                      className="mt-1 accent-brand-600"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="flex flex-wrap items-center gap-2">
                        <span className="font-mono text-xs text-slate-500">#{candidate.number}</span>
                        <span className="font-medium text-slate-900">{candidate.subject}</span>
                        <Badge variant={statusVariant[candidate.status]}>{tStatus(candidate.status)}</Badge>
                      </span>
                      <span className="block truncate text-xs text-slate-500">
                        {candidate.customerName || candidate.customerEmail} · {candidate.departmentName}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </div>
      {target ? (
        <Alert variant="warning" title={t("confirmTitle", { source: data.ticket.number, target: target.number })}>
          {t("confirmDescription", { source: data.ticket.number, target: target.number })}
        </Alert>
      ) : null}
      <FormDialogFooter
        error={failure.message}
        cancelLabel={t("cancel")}
        submitLabel={target ? t("submitTo", { number: target.number }) : t("submit")}
        pending={merge.isPending}
        disabled={!target}
      />
    </form>
  );
}
