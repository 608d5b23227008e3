import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CannedManager } from "@/components/canned/canned-manager";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ticket.canned.page"))("title") };
}

/** Canned replies inside Settings (owners and admins), where the desk's shared replies are kept. */
export default async function CannedSettingsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { role } = await loadDesk(slug, `/d/${slug}/settings/canned`);
  if (!can({ role, active: true, grants: new Map() }, "desk.settings")) return <Forbidden />;
  const [tSettings, t] = await Promise.all([getTranslations("panel.settings"), getTranslations("ticket.canned.page")]);
  return (
    <>
      <PageHeader title={tSettings("title")} description={tSettings("description")} />
      <SettingsNav desk={slug} />
      <section aria-labelledby="settings-canned" className="max-w-4xl">
        <h2 id="settings-canned" className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("descriptionAdmin")}</p>
        <CannedManager desk={slug} canShare nested />
      </section>
    </>
  );
}
