import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { DeskSecurity } from "@/components/settings/desk-security";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { loadDesk } from "../../_data/desk";
import { can } from "@/server/kernel/permissions";

export default async function SettingsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role } = await loadDesk(slug, `/d/${slug}/settings`);
  if (!can({ role, active: true, grants: new Map() }, "desk.settings")) return <Forbidden />;
  const t = await getTranslations("panel.settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav desk={slug} />
      {/* The ticket form's fields are edited in Settings → Widget, with the rest of the widget. */}
      <section aria-labelledby="settings-general" className="max-w-2xl rounded-xl border border-slate-200 bg-white p-6">
        <h2 id="settings-general" className="text-lg font-semibold text-slate-900">{t("general")}</h2>
        <p className="mb-4 text-sm text-slate-600">{t("generalDescription")}</p>
        <GeneralSettingsForm desk={slug} initial={{ displayName: desk.displayName, locale: desk.locale, timeZone: desk.timeZone }} />
      </section>
      {role === "owner" ? (
        <section aria-labelledby="settings-security" className="mt-6 max-w-2xl rounded-xl border border-slate-200 bg-white p-6">
          <h2 id="settings-security" className="text-lg font-semibold text-slate-900">{t("security.title")}</h2>
          <p className="mb-4 text-sm text-slate-600">{t("security.description")}</p>
          <DeskSecurity desk={slug} required={desk.requireTwoFactor} />
        </section>
      ) : null}
    </>
  );
}
