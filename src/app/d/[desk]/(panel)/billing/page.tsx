import { Forbidden } from "@/components/panel/forbidden";
import { UpcomingSection } from "@/components/panel/upcoming-section";
import { loadDesk } from "@/server/desks/load";
import { can } from "@/server/staff/permissions";

export default async function BillingPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  const { role } = await loadDesk(desk, `/d/${desk}/billing`);
  if (!can({ role, active: true, grants: new Map() }, "desk.billing")) return <Forbidden />;
  return <UpcomingSection section="billing" />;
}
