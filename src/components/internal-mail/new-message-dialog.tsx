"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { textInput } from "@/lib/text-input";
import { useErrorText } from "@/components/forms/errors";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { internalBodyMax, internalSubjectMax, startThreadInput } from "@/server/internal-mail/inputs";
import { useTRPC } from "@/trpc/react";
import { ColleaguePicker } from "./colleague-picker";

// The server's schema; only the ticket number is typed as text here ("#1042" or "1042").
const schema = startThreadInput.extend({
  ticketNumber: textInput().trim().regex(/^#?\d{0,9}$/, "internalMail.ticketNumberInvalid"),
});

const ticketNumberOf = (text: string) => {
  const digits = text.trim().replace(/^#/, "");
  return digits === "" ? null : Number(digits);
};

type Props = {
  desk: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Prefilled from a ticket page ("Message a colleague about this ticket"). */
  ticketNumber: string | null;
  onSent: (threadId: string) => void;
};

export function NewMessageDialog({ desk, open, onOpenChange, ticketNumber, onSent }: Props) {
  const t = useTranslations("internalMail.new");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {open ? (
          <NewMessageForm
            desk={desk}
            ticketNumber={ticketNumber}
            onCancel={() => onOpenChange(false)}
            onSent={(threadId) => {
              onOpenChange(false);
              onSent(threadId);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function NewMessageForm({ desk, ticketNumber, onCancel, onSent }: { desk: string; ticketNumber: string | null; onCancel: () => void; onSent: (threadId: string) => void }) {
  const t = useTranslations("internalMail.new");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const colleagues = useQuery(trpc.internalMail.colleagues.queryOptions({ desk }));
  const start = useMutation(trpc.internalMail.start.mutationOptions());
  const form = useServerForm(schema, {
    defaultValues: { recipients: [], subject: "", body: "", ticketNumber: ticketNumber ?? "" },
    fields: ["recipients", "subject", "body", "ticketNumber"],
  });
  const { register, problem } = form;

  const onSubmit = form.submit(async (values) => {
    const { threadId } = await start.mutateAsync({
      desk,
      recipients: values.recipients,
      subject: values.subject,
      body: values.body,
      ticketNumber: ticketNumberOf(values.ticketNumber),
    });
    void queryClient.invalidateQueries({ queryKey: trpc.internalMail.threads.pathKey() });
    onSent(threadId);
  });

  return (
    <QueryState
      query={colleagues}
      loading={<ListSkeleton rows={2} label={t("loadingColleagues")} className="flex flex-col gap-3" row={(i) => <Skeleton className={i ? "h-32 w-full" : "h-9 w-full"} />} />}
      errorMessage={(error) => (error instanceof Error ? errorText(error.message) : undefined) ?? t("colleaguesFailed")}
      isEmpty={(list) => list.length === 0}
      empty={
        <Alert variant="info" title={t("noColleaguesTitle")}>
          {t("noColleagues")}
        </Alert>
      }
    >
      {(list) => {
        return (
          <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="flex flex-col gap-4">
            {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
            <Field label={t("to")} error={problem("recipients")} required>
              {(field) => (
                <Controller
                  control={form.control}
                  name="recipients"
                  render={({ field: { value, onChange } }) => <ColleaguePicker colleagues={list} value={value} onChange={onChange} control={field} />}
                />
              )}
            </Field>
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
              <Field label={t("subject")} error={problem("subject")} required>
                <Input autoComplete="off" maxLength={internalSubjectMax} {...register("subject")} />
              </Field>
              <Field label={t("ticket")} hint={t("ticketHint")} error={problem("ticketNumber")}>
                <Input autoComplete="off" inputMode="numeric" maxLength={10} placeholder="#1042" {...register("ticketNumber")} />
              </Field>
            </div>
            <Field label={t("body")} hint={t("bodyHint")} error={problem("body")} required>
              <Textarea rows={7} maxLength={internalBodyMax} {...register("body")} />
            </Field>
            <DialogFooter>
              <Button type="button" variant="secondary" onClick={onCancel}>
                {t("cancel")}
              </Button>
              <Button type="submit" loading={form.formState.isSubmitting}>
                {t("send")}
              </Button>
            </DialogFooter>
          </form>
        );
      }}
    </QueryState>
  );
}
