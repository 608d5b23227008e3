import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { PriorityRules } from "@/components/settings/priority-rules";
import { SettingsNav } from "@/components/settings/settings-nav";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const [tSettings, t] = await Promise.all([getTranslations("panel.settings"), getTranslations("priority.settings")]);
  return { title: `${t("pageTitle")} · ${tSettings("title")}` };
}

/** Settings → Priority (owners and admins): the weighted rules that set a ticket's priority, and the thresholds. */
export default async function PriorityPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { role } = await loadDesk(slug, `/d/${slug}/settings/priority`);
  if (!can({ role, active: true, grants: new Map() }, "desk.settings")) return <Forbidden />;
  const t = await getTranslations("panel.settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav desk={slug} />
      <PriorityRules desk={slug} />
    </>
  );
}
