import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { StopList } from "@/components/settings/stop-list";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const [tSettings, t] = await Promise.all([getTranslations("panel.settings"), getTranslations("widgetAdmin.stopList")]);
  return { title: `${t("pageTitle")} · ${tSettings("title")}` };
}

/** Settings → Stop-list (owners and admins): senders, domains, words and addresses whose tickets are held. */
export default async function StopListPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role } = await loadDesk(slug, `/d/${slug}/settings/stop-list`);
  if (!can({ role, active: true, grants: new Map() }, "desk.settings")) return <Forbidden />;
  const t = await getTranslations("panel.settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav desk={slug} />
      <StopList desk={slug} timeZone={desk.timeZone} />
    </>
  );
}
