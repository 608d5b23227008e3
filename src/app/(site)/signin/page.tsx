import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/server/auth/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const t = await getTranslations("auth.signIn");
  const { callbackUrl } = await searchParams;
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
      <SignInForm callbackPath={safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null)} />
    </AuthCard>
  );
}
