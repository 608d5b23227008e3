"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { AmountInput } from "@/components/billing/amount-input";
import { parseAmount, serverFieldErrors, useBillingErrorText, useMoney, type PlatformDesk } from "@/components/billing/shared";
import { serverMessage, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogHeader } from "@/components/ui/form-dialog";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { adjustmentReasonMax, largestAmount } from "@/server/billing/inputs";
import { useTRPC } from "@/trpc/react";

/** The largest single credit or debit the server accepts, in minor units. */
const MAX_ADJUSTMENT = largestAmount;
const REASON_MAX = adjustmentReasonMax;

type Direction = "credit" | "debit";

/** A manual credit or debit of a desk's balance, with the reason the desk's owner will read in the ledger. */
export function AdjustDialog({ desk, currency, onClose, onDone }: { desk: PlatformDesk | null; currency: string; onClose: () => void; onDone: (text: string) => Promise<void> }) {
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={desk !== null} onOpenChange={(open) => (open || pending ? undefined : onClose())}>
      <DialogContent size="md">{desk ? <AdjustForm desk={desk} currency={currency} onClose={onClose} onDone={onDone} onPending={setPending} /> : null}</DialogContent>
    </Dialog>
  );
}

function AdjustForm({
  desk,
  currency,
  onClose,
  onDone,
  onPending,
}: {
  desk: PlatformDesk;
  currency: string;
  onClose: () => void;
  onDone: (text: string) => Promise<void>;
  onPending: (pending: boolean) => void;
}) {
  const t = useTranslations("billing.platform.adjust");
  const errorText = useBillingErrorText();
  const money = useMoney(currency);
  const trpc = useTRPC();
  const adjust = useMutation(trpc.platform.adjust.mutationOptions());
  const ids = useId();
  const [direction, setDirection] = useState<Direction>("credit");
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<{ amount?: string; reason?: string }>({});
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const balance = desk.balance ?? 0;
  const amount = parseAmount(amountText);
  const signed = amount === null ? null : direction === "credit" ? amount : -amount;
  const after = signed === null ? null : balance + signed;

  function check(): { amount?: string; reason?: string } {
    const found: { amount?: string; reason?: string } = {};
    if (amount === null || amount === 0) found.amount = errorText("local.amountFormat");
    else if (amount > MAX_ADJUSTMENT) found.amount = errorText("local.amountMax", { max: money(MAX_ADJUSTMENT) });
    else if (direction === "debit" && amount > balance) found.amount = errorText("local.debitTooLarge", { balance: money(balance) });
    const trimmed = reason.trim();
    if (trimmed.length < 3) found.reason = errorText("billing.reasonRequired");
    else if (trimmed.length > REASON_MAX) found.reason = errorText("billing.reasonTooLong");
    return found;
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    const found = check();
    setProblems(found);
    if (found.amount || found.reason || signed === null) return;
    onPending(true);
    try {
      await adjust.mutateAsync({ tenantId: desk.tenantId, amount: signed, reason: reason.trim() });
      await onDone(direction === "credit" ? t("credited", { amount: money(amount!), desk: desk.name }) : t("debited", { amount: money(amount!), desk: desk.name }));
      onPending(false);
      onClose();
    } catch (error) {
      onPending(false);
      const fields = serverFieldErrors(error);
      const message = serverMessage(error);
      if (message?.key === "billing.insufficientBalance") setProblems({ amount: errorText("local.debitTooLarge", { balance: money(balance) }) });
      else if (fields.amount || fields.reason) setProblems({ amount: errorText(fields.amount), reason: errorText(fields.reason) });
      else setFormError(message);
    }
  }

  const choice = (value: Direction) => (
    <label
      className={cn(
        "flex flex-1 cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 text-sm transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
        direction === value ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:bg-slate-50",
      )}
    >
      <input
        type="radio"
        name={`${ids}-direction`}
        value={value}
        checked={direction === value}
        onChange={() => {
          setDirection(value);
          setProblems((p) => ({ ...p, amount: undefined }));
        }}
        className="mt-0.5 size-4 accent-brand-600 focus-visible:outline-none"
      />
      <span className="flex flex-col">
        <span className="font-medium text-slate-900">{t(value)}</span>
        <span className="text-slate-500">{t(`${value}Hint`)}</span>
      </span>
    </label>
  );

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={t("title", { desk: desk.name })} description={t("description", { balance: money(balance) })} />
      <fieldset>
        <legend className="mb-1.5 text-sm leading-5 font-medium text-slate-800">{t("direction")}</legend>
        <div className="flex flex-col gap-2 sm:flex-row">
          {choice("credit")}
          {choice("debit")}
        </div>
      </fieldset>
      <Field
        label={t("amount")}
        required
        error={problems.amount}
        hint={after !== null && after >= 0 && !problems.amount ? t("after", { balance: money(after) }) : t("amountHint")}
      >
        <AmountInput
          currency={currency}
          value={amountText}
          className="max-w-48"
          onChange={(event) => {
            setAmountText(event.target.value);
            setProblems((p) => ({ ...p, amount: undefined }));
          }}
        />
      </Field>
      <Field label={t("reason")} required error={problems.reason} hint={t("reasonHint", { count: reason.trim().length, max: REASON_MAX })}>
        <Textarea
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setProblems((p) => ({ ...p, reason: undefined }));
          }}
        />
      </Field>
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary" disabled={adjust.isPending}>
            {t("cancel")}
          </Button>
        </DialogClose>
        <Button type="submit" variant={direction === "debit" ? "danger" : "primary"} loading={adjust.isPending}>
          {amount !== null && amount > 0 ? t(direction === "credit" ? "submitCredit" : "submitDebit", { amount: money(amount) }) : t(direction === "credit" ? "submitCreditPlain" : "submitDebitPlain")}
        </Button>
      </DialogFooter>
    </form>
  );
}
