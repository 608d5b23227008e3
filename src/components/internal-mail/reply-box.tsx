"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { internalBody, internalBodyMax } from "@/server/internal-mail/inputs";
import { useTRPC } from "@/trpc/react";

const schema = z.object({ body: internalBody });

/** The reply box under a conversation; Ctrl+Enter (⌘+Enter) sends. */
export function ReplyBox({ desk, threadId }: { desk: string; threadId: string }) {
  const t = useTranslations("internalMail.reply");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reply = useMutation(trpc.internalMail.reply.mutationOptions());
  const form = useServerForm(schema, { defaultValues: { body: "" }, fields: ["body"] });

  const onSubmit = form.submit(async (values) => {
    await reply.mutateAsync({ desk, threadId, body: values.body });
    form.reset({ body: "" });
    void queryClient.invalidateQueries({ queryKey: trpc.internalMail.thread.queryKey({ desk, threadId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.internalMail.threads.pathKey() });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("label")} className="flex flex-col gap-3">
      {form.failure ? <Alert variant="error">{form.failure}</Alert> : null}
      <Field label={t("label")} hint={t("hint")} error={form.problem("body")} hideLabel>
        <Textarea
          rows={4}
          maxLength={internalBodyMax}
          placeholder={t("placeholder")}
          {...form.register("body")}
          onKeyDown={(event) => {
            if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
              event.preventDefault();
              void onSubmit();
            }
          }}
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t("send")}
        </Button>
      </div>
    </form>
  );
}
