import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/panel/page-header";
import { PlatformConsole } from "@/components/platform/platform-console";
import { EmptyState } from "@/components/ui/empty-state";
import { env } from "@/env";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.platform"))("title") };
}

/** The operator console: signed-in people whose email is in PLATFORM_ADMINS; everyone else is told so. */
export default async function PlatformPage() {
  const api = await serverApi();
  const t = await getTranslations("billing.platform");
  let operator: boolean;
  try {
    operator = await api.platform.isOperator();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect(`/signin?callbackUrl=${encodeURIComponent("/platform")}`);
    throw error;
  }
  if (!operator) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState
          title={t("forbiddenTitle")}
          description={t.rich("forbiddenBody", { code: (chunks) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px] text-slate-800">{chunks}</code> })}
        />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PlatformConsole currency={env.BILLING_CURRENCY} />
    </>
  );
}
