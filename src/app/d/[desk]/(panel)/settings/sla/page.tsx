import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { BusinessHoursEditor } from "@/components/sla/business-hours-editor";
import { PolicyList } from "@/components/sla/policy-list";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const [tSettings, t] = await Promise.all([getTranslations("panel.settings"), getTranslations("sla.settings")]);
  return { title: `${t("pageTitle")} · ${tSettings("title")}` };
}

/** Settings → SLA (owners and admins): policies per priority and department, and business hours. */
export default async function SlaSettingsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { role } = await loadDesk(slug, `/d/${slug}/settings/sla`);
  if (!can({ role, active: true, grants: new Map() }, "desk.settings")) return <Forbidden />;
  const t = await getTranslations("panel.settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav desk={slug} />
      <div className="flex max-w-5xl flex-col gap-8">
        <PolicyList desk={slug} />
        <BusinessHoursEditor desk={slug} />
      </div>
    </>
  );
}
