import { redirect } from "next/navigation";
import { BillingBanner } from "@/components/billing/billing-banner";
import { PanelShell } from "@/components/panel/panel-shell";
import { loadDesk } from "@/server/desks/load";

export default async function PanelLayout({ children, params }: { children: React.ReactNode; params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role, desks, me } = await loadDesk(slug, `/d/${slug}`);
  // Owners and admins finish the setup wizard first; agents work with what is there.
  if (!desk.setupCompletedAt && role !== "agent") redirect(`/d/${slug}/setup`);
  return (
    <PanelShell desk={{ slug: desk.slug, displayName: desk.displayName }} role={role} desks={desks} me={me}>
      {/* Billing is the owner's alone (other staff have no way to read the desk's status yet). */}
      {role === "owner" ? <BillingBanner desk={desk.slug} /> : null}
      {children}
    </PanelShell>
  );
}
