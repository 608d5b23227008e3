"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import { callError, fieldError } from "./errors";
import type { TicketMessage } from "./shared";
import { ticketHref, useTicket } from "./ticket-context";

/** Moves one message into a new ticket of its own, after asking for the new ticket's subject. */
export function SplitDialog({ message, onClose }: { message: TicketMessage | null; onClose: () => void }) {
  return (
    <Dialog open={message !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent size="md">{message ? <SplitForm message={message} onClose={onClose} /> : null}</DialogContent>
    </Dialog>
  );
}

function SplitForm({ message, onClose }: { message: TicketMessage; onClose: () => void }) {
  const t = useTranslations("ticket.split");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const { desk, data, refresh, announce } = useTicket();
  const split = useMutation(trpc.tickets.split.mutationOptions());
  const [subject, setSubject] = useState(data.ticket.subject);
  const [subjectError, setSubjectError] = useState<string | undefined>();
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const excerpt = message.body.replace(/\s+/g, " ").trim();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSubjectError(undefined);
    setFormError(null);
    if (!subject.trim()) {
      setSubjectError("ticket.subjectRequired");
      return;
    }
    try {
      const created = await split.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, messageId: message.id, subject: subject.trim() });
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
      const onField = fieldError(error, "subject");
      if (onField) setSubjectError(onField);
      else setFormError(callError(error));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogDescription>{t("description")}</DialogDescription>
      </DialogHeader>
      <blockquote className="line-clamp-3 rounded-md border-l-2 border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-600">{excerpt}</blockquote>
      <Field label={t("subject")} error={errorText(subjectError)} required>
        <Input value={subject} maxLength={200} autoComplete="off" autoFocus onChange={(e) => setSubject(e.target.value)} />
      </Field>
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("cancel")}
          </Button>
        </DialogClose>
        <Button type="submit" loading={split.isPending}>
          {t("submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}
