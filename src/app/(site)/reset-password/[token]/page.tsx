import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.reset"))("title"), robots: { index: false } };
}

/** The mailed reset link. Opening it changes nothing; an expired or used link offers a new one. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.reset");
  const state = await (await serverApi()).account.resetLink({ token: token.slice(0, 100) });
  return (
    <AuthCard title={t("title")} subtitle={state === "usable" ? t("subtitle") : ""} footer={null}>
      {state === "usable" ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="flex flex-col gap-4">
          <Alert variant="warning">{t(state)}</Alert>
          <Link href="/forgot-password" className={buttonClassName({ className: "w-full" })}>
            {t("sendNew")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
