import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifyEmailButton } from "@/components/auth/verify-email-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.verifyEmail"))("title"), robots: { index: false } };
}

/** The link mailed at sign-up. Opening it changes nothing; the button confirms (mail scanners follow links). */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.verifyEmail");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")} footer={null}>
      <VerifyEmailButton token={token} />
    </AuthCard>
  );
}
