import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { MailTemplates } from "@/components/settings/mail-templates";
import { SettingsNav } from "@/components/settings/settings-nav";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

export default async function MailTemplatesPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { role } = await loadDesk(slug, `/d/${slug}/settings/templates`);
  if (!can({ role, active: true, grants: new Map() }, "desk.settings")) return <Forbidden />;
  const t = await getTranslations("panel.settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav desk={slug} />
      <MailTemplates desk={slug} />
    </>
  );
}
