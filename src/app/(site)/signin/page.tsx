import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { env } from "@/env";
import { oidcConfigured } from "@/server/auth/next-auth";
import { safeCallbackPath } from "@/server/auth/request";

type Search = { callbackUrl?: string | string[]; step?: string | string[]; ticket?: string | string[]; error?: string | string[] };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

/** Signing in; `?step=code&ticket=…` continues at the second factor (after a link or the company sign-in). */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const t = await getTranslations("auth.signIn");
  const search = await searchParams;
  const ticket = one(search.step) === "code" ? one(search.ticket) : null;
  return (
    <AuthCard
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("noAccount")}{" "}
          <Link href="/signup" className="font-medium text-brand-600 hover:text-brand-700">
            {t("signUp")}
          </Link>
        </>
      }
    >
      <SignInForm
        callbackPath={safeCallbackPath(one(search.callbackUrl))}
        codeTicket={ticket && ticket.length <= 100 ? ticket : null}
        provider={oidcConfigured() ? env.OIDC_NAME : null}
        error={one(search.error) === "provider" ? "provider" : null}
      />
    </AuthCard>
  );
}
