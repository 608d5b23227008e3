import { getTranslations } from "next-intl/server";
import { EventLog } from "@/components/events/event-log";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { loadDesk } from "../../_data/desk";
import { can } from "@/server/kernel/permissions";

export default async function EventsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  const { desk: current, role } = await loadDesk(desk, `/d/${desk}/events`);
  if (!can({ role, active: true, grants: new Map() }, "audit.read")) return <Forbidden />;
  const t = await getTranslations("panel.events");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EventLog desk={desk} timeZone={current.timeZone} />
    </>
  );
}
