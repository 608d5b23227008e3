import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BillingView } from "@/components/billing/billing-view";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { loadDesk } from "../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("title") };
}

/** Billing (owners only): balance, usage, top-ups, plan and options, the ledger. Stripe returns here with ?topup=. */
export default async function BillingPage({ params, searchParams }: { params: Promise<{ desk: string }>; searchParams: Promise<{ topup?: string | string[] }> }) {
  const { desk: slug } = await params;
  const { topup } = await searchParams;
  const { desk, role } = await loadDesk(slug, `/d/${slug}/billing`);
  const t = await getTranslations("billing");
  if (!can({ role, active: true, grants: new Map() }, "desk.billing")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <Forbidden />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <BillingView desk={slug} timeZone={desk.timeZone} topUpResult={topup === "success" || topup === "cancelled" ? topup : null} />
    </>
  );
}
