"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { internalBody, internalBodyMax } from "@/server/internal-mail/inputs";
import { useTRPC } from "@/trpc/react";

const schema = z.object({ body: internalBody });
type Values = z.infer<typeof schema>;

/** The reply box under a conversation; Ctrl+Enter (⌘+Enter) sends. */
export function ReplyBox({ desk, threadId }: { desk: string; threadId: string }) {
  const t = useTranslations("internalMail.reply");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reply = useMutation(trpc.internalMail.reply.mutationOptions());
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { body: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await reply.mutateAsync({ desk, threadId, body: values.body });
      reset({ body: "" });
      void queryClient.invalidateQueries({ queryKey: trpc.internalMail.thread.queryKey({ desk, threadId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.internalMail.threads.pathKey() });
    } catch (error) {
      setFormError(applyServerError(error, setError, ["body"]));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("label")} className="flex flex-col gap-3">
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <Field label={t("label")} hint={t("hint")} error={errorText(formState.errors.body?.message)} hideLabel>
        <Textarea
          rows={4}
          maxLength={internalBodyMax}
          placeholder={t("placeholder")}
          {...register("body")}
          onKeyDown={(event) => {
            if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
              event.preventDefault();
              void onSubmit();
            }
          }}
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" loading={formState.isSubmitting}>
          {t("send")}
        </Button>
      </div>
    </form>
  );
}
