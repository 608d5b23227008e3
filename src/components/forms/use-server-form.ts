"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { get, useForm, type FieldValues, type Path, type Resolver, type SubmitErrorHandler, type UseFormProps } from "react-hook-form";
import type { z } from "zod";
import { applyServerError, useErrorText, type ErrorMessage } from "./errors";

type Options<Input extends FieldValues, Output> = Omit<UseFormProps<Input, unknown, Output>, "resolver"> & {
  /** The fields the server's field errors are put on; any other failure is the form's own. */
  fields: readonly Path<Input>[];
  /** The form's own message when no field took the failure; the server's message by default. */
  failureMessage?: (error: unknown) => ErrorMessage;
};

/**
 * A form checked by the server's own zod schema, and what the server answers when it is sent:
 * `submit` clears the last failure and runs the handler with the checked values; when the call
 * fails, field errors go on their fields and the rest becomes the form's `failure`. Both are in
 * the reader's words (`failure`, `problem(field)`).
 */
export function useServerForm<Input extends FieldValues, Output>(schema: z.ZodType<Output, Input>, { fields, failureMessage, ...options }: NoInfer<Options<Input, Output>>) {
  const errorText = useErrorText();
  const [failed, setFailed] = useState<ErrorMessage>(null);
  const form = useForm<Input, unknown, Output>({ ...options, resolver: zodResolver(schema) as Resolver<Input, unknown, Output> });

  /** Runs a call of the form's (its submit, or a "Test connection"), keeping what went wrong. */
  const attempt = async (call: () => Promise<void>) => {
    setFailed(null);
    try {
      await call();
    } catch (error) {
      const message = applyServerError(error, form.setError, fields);
      setFailed(message && failureMessage ? failureMessage(error) : message);
    }
  };

  return {
    ...form,
    failure: errorText(failed),
    /** Sets (or with null clears) the form's own failure. */
    setFailure: setFailed,
    problem: (field: Path<Input>): string | undefined => errorText((get(form.formState.errors, field) as { message?: string } | undefined)?.message),
    attempt,
    submit: (handler: (values: Output) => Promise<void>, onInvalid?: SubmitErrorHandler<Input>) => form.handleSubmit((values) => attempt(() => handler(values)), onInvalid),
  };
}
