import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { WidgetSettings } from "@/components/settings/widget-settings";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const [tSettings, t] = await Promise.all([getTranslations("panel.settings"), getTranslations("widgetAdmin.widget")]);
  return { title: `${t("pageTitle")} · ${tSettings("title")}` };
}

/** Settings → Widget (owners and admins): the code to paste, allowed sites, look, form and identity. */
export default async function WidgetSettingsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { role } = await loadDesk(slug, `/d/${slug}/settings/widget`);
  if (!can({ role, active: true, grants: new Map() }, "desk.settings")) return <Forbidden />;
  const t = await getTranslations("panel.settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav desk={slug} />
      <WidgetSettings desk={slug} />
    </>
  );
}
