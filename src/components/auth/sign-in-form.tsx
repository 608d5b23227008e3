"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useErrorText } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations("auth.signIn");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError("");
    try {
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(result?.code === "rate_limited" ? "signIn.rateLimited" : "signIn.invalid");
        return;
      }
      router.push(callbackPath);
      router.refresh();
    } catch {
      setError("network");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      {error ? (
        <Alert variant="error" role="alert">
          {errorText(error)}
        </Alert>
      ) : null}
      <Field label={t("email")}>
        <Input name="email" type="email" autoComplete="email" autoFocus required maxLength={254} />
      </Field>
      <Field label={t("password")}>
        <Input name="password" type="password" autoComplete="current-password" required maxLength={200} />
      </Field>
      <Button type="submit" size="lg" loading={pending} className="mt-2">
        {t("submit")}
      </Button>
    </form>
  );
}
