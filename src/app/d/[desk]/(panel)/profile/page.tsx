import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/panel/page-header";
import { NotificationSettings } from "@/components/profile/notification-settings";
import { PasswordForm } from "@/components/profile/password-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { loadDesk } from "../../_data/desk";
import { avatarColors } from "@/server/staff/inputs";

export default async function ProfilePage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, api } = await loadDesk(slug, `/d/${slug}/profile`);
  const [t, profile] = await Promise.all([getTranslations("panel.profile"), api.account.profile({ desk: slug })]);
  const avatarColor = avatarColors.find((c) => c === profile.avatarColor) ?? "slate";
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { desk: desk.displayName })} />
      <div className="grid max-w-5xl items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="profile-details" className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 id="profile-details" className="text-lg font-semibold text-slate-900">{t("details")}</h2>
          <p className="mb-5 text-sm text-slate-600">{t("detailsDescription")}</p>
          <ProfileForm
            desk={slug}
            deskName={desk.displayName}
            email={profile.email}
            initial={{ name: profile.name, avatarColor, locale: profile.locale, signature: profile.signature }}
          />
        </section>
        <section aria-labelledby="profile-password" className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 id="profile-password" className="text-lg font-semibold text-slate-900">{t("password.title")}</h2>
          <p className="mb-5 text-sm text-slate-600">{t("password.description")}</p>
          <PasswordForm email={profile.email} />
        </section>
        <section aria-labelledby="profile-notifications" className="rounded-xl border border-slate-200 bg-white p-6 lg:col-start-2">
          <h2 id="profile-notifications" className="text-lg font-semibold text-slate-900">{t("notifications.title")}</h2>
          <p className="mb-5 text-sm text-slate-600">{t("notifications.description")}</p>
          <NotificationSettings desk={slug} />
        </section>
      </div>
    </>
  );
}
