import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { baseUrl } from "@/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("title") };
}

export default async function SignUpPage() {
  const t = await getTranslations("auth.signUp");
  return (
    <AuthCard
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link href="/signin" className="font-medium text-brand-600 hover:text-brand-700">
            {t("signIn")}
          </Link>
        </>
      }
    >
      <SignUpForm origin={baseUrl.replace(/^https?:\/\//, "")} />
    </AuthCard>
  );
}
