import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { InboundMail } from "@/components/settings/inbound-mail";
import { Mailboxes } from "@/components/settings/mailboxes";
import { MailLog } from "@/components/settings/mail-log";
import { SendingMail } from "@/components/settings/sending-mail";
import { SettingsNav } from "@/components/settings/settings-nav";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

export default async function MailLogPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role } = await loadDesk(slug, `/d/${slug}/settings/mail`);
  if (!can({ role, active: true, grants: new Map() }, "desk.settings")) return <Forbidden />;
  const t = await getTranslations("panel.settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav desk={slug} />
      <Mailboxes desk={slug} />
      <InboundMail desk={slug} />
      <SendingMail desk={slug} />
      <MailLog desk={slug} timeZone={desk.timeZone} />
    </>
  );
}
