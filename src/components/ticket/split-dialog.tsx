"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { maxLengthOf } from "@/components/forms/limits";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import { FormDialogFooter, FormDialogHeader, TargetDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { splitFields } from "@/server/tickets/inputs";
import { useTRPC } from "@/trpc/react";
import type { TicketMessage } from "./shared";
import { ticketHref, useTicket } from "./ticket-context";

const schema = z.object({ subject: splitFields.subject });

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
  const trpc = useTRPC();
  const { desk, data, refresh, announce } = useTicket();
  const split = useMutation(trpc.tickets.split.mutationOptions());
  const form = useServerForm(schema, { defaultValues: { subject: data.ticket.subject }, fields: ["subject"] });
  const excerpt = message.body.replace(/\s+/g, " ").trim();

  const onSubmit = form.submit(async ({ subject }) => {
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
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormDialogHeader title={t("title")} description={t("description")} />
      <blockquote className="line-clamp-3 rounded-md border-l-2 border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-600">{excerpt}</blockquote>
      <Field label={t("subject")} error={form.problem("subject")} required>
        <Input maxLength={maxLengthOf(splitFields.subject)} autoComplete="off" autoFocus {...form.register("subject")} />
      </Field>
      <FormDialogFooter error={form.failure} cancelLabel={t("cancel")} submitLabel={t("submit")} pending={split.isPending} />
    </form>
  );
}
