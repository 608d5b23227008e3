import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmSenderButton } from "@/components/settings/confirm-sender-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.confirmSender"))("title"), robots: { index: false } };
}

/** The link mailed to a desk's new sending address. Opening it changes nothing; the button confirms. */
export default async function ConfirmSenderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("mail.confirmSender");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")} footer={null}>
      <ConfirmSenderButton token={token} />
    </AuthCard>
  );
}
