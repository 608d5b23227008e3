import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { AccessMatrix } from "@/components/staff/access-matrix";
import { InvitationsList } from "@/components/staff/invitations-list";
import { InviteButton } from "@/components/staff/invite-dialog";
import { MembersTable } from "@/components/staff/members-table";
import { StaffTabs } from "@/components/staff/staff-tabs";
import { loadDesk } from "../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role, me } = await loadDesk(slug, `/d/${slug}/staff`);
  if (!can({ role, active: true, grants: new Map() }, "staff.manage")) return <Forbidden />;
  const t = await getTranslations("staff");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<InviteButton desk={slug} deskName={desk.displayName} />} />
      <StaffTabs desk={slug} current="members" />
      <div className="flex flex-col gap-10">
        <MembersTable desk={slug} viewer={{ userId: me.id, role }} />
        <InvitationsList desk={slug} />
        <AccessMatrix desk={slug} />
      </div>
    </>
  );
}
