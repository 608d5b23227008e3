"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerError, useErrorText, type ErrorMessage } from "@/components/forms/errors";
import { maxLengthOf } from "@/components/forms/limits";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signUpInput, type SignUpInput } from "@/server/desks/inputs";
import { useTRPC } from "@/trpc/react";
import { solveSignUpChallenge } from "./proof-of-work";

const fieldNames = ["businessName", "slug", "ownerName", "email", "password"] as const;

/** Suggests a desk address from the business name until the person edits the address. */
function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

type Proof = NonNullable<SignUpInput["proof"]>;

/**
 * The proof of work of a sign-up, solved in the background from the moment the page opens: by the
 * time the person has typed the form it is usually ready. Each proof is good for one attempt, so
 * every submit starts the next one.
 */
function useSignUpProof() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const proof = useRef<Promise<Proof> | null>(null);
  const start = useCallback(() => {
    const solving = queryClient
      .fetchQuery({ ...trpc.desk.signUpChallenge.queryOptions(), staleTime: 0 })
      .then((challenge) => solveSignUpChallenge(challenge));
    // A failure shows when the form is sent (and that send starts a new attempt).
    solving.catch(() => {});
    proof.current = solving;
  }, [queryClient, trpc]);
  useEffect(() => {
    if (!proof.current) start();
  }, [start]);
  return useCallback(async () => {
    if (!proof.current) start();
    const solving = proof.current!;
    start();
    return solving;
  }, [start]);
}

export function SignUpForm({ origin }: { origin: string }) {
  const t = useTranslations("auth.signUp");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const takeProof = useSignUpProof();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<ErrorMessage>(null);
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpInput),
    defaultValues: { businessName: "", slug: "", ownerName: "", email: "", password: "" },
    mode: "onTouched",
  });
  const { register, handleSubmit, formState, setValue, setError, control } = form;
  const signUp = useMutation(trpc.desk.signUp.mutationOptions());
  const slug = useWatch({ control, name: "slug" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    let proof: Proof;
    try {
      proof = await takeProof();
    } catch {
      setFormError({ key: "signUp.proofInvalid" });
      return;
    }
    try {
      const answer = await signUp.mutateAsync({ ...values, proof });
      setSentTo(answer.email);
    } catch (error) {
      setFormError(applyServerError(error, setError, fieldNames));
    }
  });

  const businessName = register("businessName", {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      if (!slugEdited) setValue("slug", suggestSlug(event.target.value));
    },
  });

  if (sentTo) {
    return (
      <div role="status" className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold text-slate-900">{t("checkMailTitle")}</h2>
        <p className="text-sm text-slate-700">{t("checkMailBody", { email: sentTo })}</p>
        <p className="text-sm text-slate-500">{t("checkMailHint")}</p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert variant="error">{errorText(formError)}</Alert> : null}
      <Field label={t("businessName")} error={errorText(formState.errors.businessName?.message)} required>
        <Input autoComplete="organization" autoFocus maxLength={maxLengthOf(signUpInput.shape.businessName)} {...businessName} />
      </Field>
      <Field
        label={t("slug")}
        error={errorText(formState.errors.slug?.message)}
        hint={t("slugHint", { url: `${origin}/d/${slug || "…"}` })}
        required
      >
        <Input
          autoComplete="off"
          spellCheck={false}
          maxLength={maxLengthOf(signUpInput.shape.slug)}
          {...register("slug", { onChange: () => setSlugEdited(true) })}
        />
      </Field>
      <Field label={t("ownerName")} error={errorText(formState.errors.ownerName?.message)} required>
        <Input autoComplete="name" maxLength={maxLengthOf(signUpInput.shape.ownerName)} {...register("ownerName")} />
      </Field>
      <Field label={t("email")} error={errorText(formState.errors.email?.message)} required>
        <Input type="email" autoComplete="email" maxLength={maxLengthOf(signUpInput.shape.email)} {...register("email")} />
      </Field>
      <Field label={t("password")} error={errorText(formState.errors.password?.message)} hint={t("passwordHint")} required>
        <Input type="password" autoComplete="new-password" maxLength={maxLengthOf(signUpInput.shape.password)} {...register("password")} />
      </Field>
      <Button type="submit" size="lg" loading={formState.isSubmitting} className="mt-2">
        {t("submit")}
      </Button>
    </form>
  );
}
