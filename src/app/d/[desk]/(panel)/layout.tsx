import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { BillingBanner } from "@/components/billing/billing-banner";
import { PanelShell } from "@/components/panel/panel-shell";
import { Alert } from "@/components/ui/alert";
import { loadDesk } from "../_data/desk";

export default async function PanelLayout({ children, params }: { children: React.ReactNode; params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role, desks, me, api } = await loadDesk(slug, `/d/${slug}`);
  // Owners and admins finish the setup wizard first; agents work with what is there.
  if (!desk.setupCompletedAt && role !== "agent") redirect(`/d/${slug}/setup`);
  // Owners see the full billing banner; everyone else only whether the desk is paused.
  const paused = role !== "owner" && (await api.billing.paused({ desk: slug }));
  const t = await getTranslations("billing.banner");
  return (
    <PanelShell desk={{ slug: desk.slug, displayName: desk.displayName }} role={role} desks={desks} me={me}>
      {role === "owner" ? <BillingBanner desk={desk.slug} /> : null}
      {paused ? (
        <Alert variant="error" title={t("suspendedTitle")} className="mb-6" data-testid="billing-banner">
          {t("suspendedStaff")}
        </Alert>
      ) : null}
      {children}
    </PanelShell>
  );
}
