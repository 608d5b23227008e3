import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { CreateDeskForm } from "@/components/desks/create-desk-form";
import { baseUrl } from "@/env";
import { auth } from "@/server/auth/next-auth";

export const dynamic = "force-dynamic";

export default async function NewDeskPage() {
  if (!(await auth())) redirect("/signin?callbackUrl=%2Fd%2Fnew");
  const t = await getTranslations("panel.newDesk");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")} footer={null}>
      <CreateDeskForm origin={baseUrl.replace(/^https?:\/\//, "")} />
    </AuthCard>
  );
}
