"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { Field } from "@/components/ui/field";
import { FormDialogFooter, FormDialogHeader, TargetDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { splitFields } from "@/server/tickets/inputs";
import { useTRPC } from "@/trpc/react";
import type { TicketMessage } from "./shared";
import { ticketHref, useTicket } from "./ticket-context";

const schema = z.object({ subject: splitFields.subject });
type Values = z.input<typeof schema>;

/** Moves one message into a new ticket of its own, after asking for the new ticket's subject. */
export function SplitDialog({ message, onClose }: { message: TicketMessage | null; onClose: () => void }) {
  return (
    <TargetDialog target={message} onClose={onClose} size="md">
      {(chosen) => <SplitForm message={chosen} onClose={onClose} />}
    </TargetDialog>
  );
}

function SplitForm({ message, onClose }: { message: TicketMessage; onClose: () => void }) {
  const t = useTranslations("ticket.split");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const { desk, data, refresh, announce } = useTicket();
  const split = useMutation(trpc.tickets.split.mutationOptions());
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { subject: data.ticket.subject } });
  const excerpt = message.body.replace(/\s+/g, " ").trim();

  const onSubmit = handleSubmit(async ({ subject }) => {
    setFormError(null);
    try {
      const created = await split.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, messageId: message.id, subject });
      onClose();
      await refresh();
      announce(
        t.rich("done", {
          number: created.number,
          link: (chunks) => (
            <Link href={ticketHref(desk.slug, created.id)} className="font-medium underline">
              {chunks}
            </Link>
          ),
        }),
      );
    } catch (error) {
      setFormError(applyServerError(error, setError, ["subject"]));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={t("title")} description={t("description")} />
      <blockquote className="line-clamp-3 rounded-md border-l-2 border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-600">{excerpt}</blockquote>
      <Field label={t("subject")} error={errorText(formState.errors.subject?.message)} required>
        <Input maxLength={maxLengthOf(splitFields.subject)} autoComplete="off" autoFocus {...register("subject")} />
      </Field>
      <FormDialogFooter error={errorText(formError)} cancelLabel={t("cancel")} submitLabel={t("submit")} pending={split.isPending} />
    </form>
  );
}
