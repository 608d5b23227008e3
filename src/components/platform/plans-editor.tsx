"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { AmountInput } from "@/components/billing/amount-input";
import { amountText, parseAmount, serverFieldErrors, useBillingErrorText, useMoney, useReturnFocus, type PlatformPlan } from "@/components/billing/shared";
import { NoticeSlot } from "@/components/billing/notice-slot";
import { serverMessage, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { StaffSection, TableSkeleton } from "@/components/staff/section";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { QueryState } from "@/components/ui/query-state";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { largestAgentSeats, largestDailyPrice, largestTicketsPerDay, planInput } from "@/server/billing/inputs";
import { useTRPC } from "@/trpc/react";

/** The server's bounds (src/server/billing/router.ts), checked here first so the form can say which field. */
const MAX_PRICE = largestDailyPrice;
const MAX_SEATS = largestAgentSeats;
const MAX_TICKETS = largestTicketsPerDay;

/** The plans the platform sells: price, limits and options, each edited in a dialog. */
export function PlansEditor({ currency }: { currency: string }) {
  const t = useTranslations("billing.platform.plans");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const money = useMoney(currency);
  const trpc = useTRPC();
  const plans = useQuery(trpc.platform.plans.queryOptions());
  const focus = useReturnFocus();
  const [editing, setEditing] = useState<PlatformPlan | null>(null);
  const close = () => {
    setEditing(null);
    focus.restore();
  };
  const [notice, setNotice] = useState<{ variant: "success"; text: string } | null>(null);

  const content = (
    <QueryState query={plans} loading={<TableSkeleton rows={2} label={tCommon("loading")} />} errorMessage={t("loadFailed")}>
      {(data) => (
        <Table aria-label={t("title")}>
          <TableHeader
            columns={[
              t("plan"),
              { label: t("dailyPrice"), align: "right" },
              { label: t("agentSeats"), align: "right" },
              { label: t("ticketsPerDay"), align: "right" },
              t("options"),
              { label: t("actions"), srOnly: true },
            ]}
          />
          <TableBody>
            {data.plans.map((plan) => (
              <tr key={plan.id}>
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <span className="block font-medium text-slate-900">{plan.name}</span>
                  <span className="block font-mono text-xs text-slate-500">{plan.id}</span>
                </th>
                <Cell className="text-right font-semibold whitespace-nowrap text-slate-900 tabular-nums">{money(plan.dailyPrice)}</Cell>
                <Cell className="text-right tabular-nums">{format.number(plan.agentSeats)}</Cell>
                <Cell className="text-right tabular-nums">{format.number(plan.ticketsPerDay)}</Cell>
                <Cell>{plan.optionsIncluded ? <Badge variant="success">{t("allIncluded")}</Badge> : t("perOption", { price: money(plan.optionDailyPrice) })}</Cell>
                <Cell className="text-right">
                  <Button type="button" size="sm" variant="secondary" onClick={() => {
                      focus.remember();
                      setEditing(plan);
                    }} aria-label={t("editLabel", { plan: plan.name })}>
                    {t("edit")}
                  </Button>
                </Cell>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
    </QueryState>
  );

  return (
    <StaffSection title={t("title")} description={t("description")}>
      <NoticeSlot notice={notice} onClose={() => setNotice(null)} />
      {content}
      <Dialog open={editing !== null} onOpenChange={(open) => (open ? undefined : close())}>
        <DialogContent size="md">
          {editing ? (
            <PlanForm
              plan={editing}
              currency={currency}
              onSaved={(name) => {
                setNotice({ variant: "success", text: t("saved", { plan: name }) });
                close();
              }}
            />
          ) : null}
        </DialogContent>
      </Dialog>
    </StaffSection>
  );
}

type Problems = Partial<Record<"name" | "dailyPrice" | "agentSeats" | "ticketsPerDay" | "optionDailyPrice", string>>;

const wholeNumber = (text: string) => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null);

function PlanForm({ plan, currency, onSaved }: { plan: PlatformPlan; currency: string; onSaved: (name: string) => void }) {
  const t = useTranslations("billing.platform.plans");
  const errorText = useBillingErrorText();
  const money = useMoney(currency);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.platform.updatePlan.mutationOptions());
  const [name, setName] = useState(plan.name);
  const [price, setPrice] = useState(amountText(plan.dailyPrice));
  const [seats, setSeats] = useState(String(plan.agentSeats));
  const [tickets, setTickets] = useState(String(plan.ticketsPerDay));
  const [included, setIncluded] = useState(plan.optionsIncluded);
  const [optionPrice, setOptionPrice] = useState(amountText(plan.optionDailyPrice));
  const [problems, setProblems] = useState<Problems>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);

  const clear = (field: keyof Problems) => setProblems((p) => ({ ...p, [field]: undefined }));

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    const values = {
      dailyPrice: parseAmount(price),
      agentSeats: wholeNumber(seats),
      ticketsPerDay: wholeNumber(tickets),
      // Unused (and not editable) while every option is included: keep what was there.
      optionDailyPrice: included ? (parseAmount(optionPrice) ?? plan.optionDailyPrice) : parseAmount(optionPrice),
    };
    const found: Problems = {};
    const trimmed = name.trim();
    if (!trimmed) found.name = errorText("name.required");
    else if (trimmed.length > 60) found.name = errorText("name.tooLong");
    if (values.dailyPrice === null) found.dailyPrice = errorText("local.amountFormat");
    else if (values.dailyPrice > MAX_PRICE) found.dailyPrice = errorText("local.amountMax", { max: money(MAX_PRICE) });
    if (values.agentSeats === null || values.agentSeats < 1 || values.agentSeats > MAX_SEATS) found.agentSeats = errorText("local.countRange", { max: MAX_SEATS });
    if (values.ticketsPerDay === null || values.ticketsPerDay < 1 || values.ticketsPerDay > MAX_TICKETS) found.ticketsPerDay = errorText("local.countRange", { max: MAX_TICKETS });
    if (values.optionDailyPrice === null) found.optionDailyPrice = errorText("local.amountFormat");
    else if (values.optionDailyPrice > MAX_PRICE) found.optionDailyPrice = errorText("local.amountMax", { max: money(MAX_PRICE) });
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    try {
      await update.mutateAsync({
        id: plan.id,
        name: trimmed,
        dailyPrice: values.dailyPrice!,
        agentSeats: values.agentSeats!,
        ticketsPerDay: values.ticketsPerDay!,
        optionsIncluded: included,
        optionDailyPrice: values.optionDailyPrice!,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.platform.pathKey() });
      onSaved(trimmed);
    } catch (error) {
      const fields = serverFieldErrors(error);
      const placed: Problems = {};
      for (const field of ["name", "dailyPrice", "agentSeats", "ticketsPerDay", "optionDailyPrice"] as const) if (fields[field]) placed[field] = errorText(fields[field]);
      setProblems(placed);
      if (Object.keys(placed).length === 0) setFormError(serverMessage(error));
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>{t("editTitle", { plan: plan.name })}</DialogTitle>
        <DialogDescription>{t("editDescription")}</DialogDescription>
      </DialogHeader>
      <Field label={t("name")} required error={problems.name}>
        <Input
          value={name}
          maxLength={maxLengthOf(planInput.shape.name)}
          autoComplete="off"
          onChange={(event) => {
            setName(event.target.value);
            clear("name");
          }}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("dailyPrice")} required error={problems.dailyPrice}>
          <AmountInput
            currency={currency}
            value={price}
            onChange={(event) => {
              setPrice(event.target.value);
              clear("dailyPrice");
            }}
          />
        </Field>
        <Field label={t("agentSeats")} required error={problems.agentSeats}>
          <Input
            inputMode="numeric"
            value={seats}
            className="tabular-nums"
            onChange={(event) => {
              setSeats(event.target.value);
              clear("agentSeats");
            }}
          />
        </Field>
        <Field label={t("ticketsPerDay")} required error={problems.ticketsPerDay}>
          <Input
            inputMode="numeric"
            value={tickets}
            className="tabular-nums"
            onChange={(event) => {
              setTickets(event.target.value);
              clear("ticketsPerDay");
            }}
          />
        </Field>
      </div>
      <CheckboxField label={t("includedLabel")} description={t("includedHint")} checked={included} onCheckedChange={(checked) => setIncluded(checked === true)} />
      <Field label={t("optionPrice")} hint={included ? t("optionPriceUnused") : t("optionPriceHint")} error={problems.optionDailyPrice} className="max-w-56">
        <AmountInput
          currency={currency}
          value={optionPrice}
          disabled={included}
          onChange={(event) => {
            setOptionPrice(event.target.value);
            clear("optionDailyPrice");
          }}
        />
      </Field>
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary" disabled={update.isPending}>
            {t("cancel")}
          </Button>
        </DialogClose>
        <Button type="submit" loading={update.isPending}>
          {t("save")}
        </Button>
      </DialogFooter>
    </form>
  );
}
