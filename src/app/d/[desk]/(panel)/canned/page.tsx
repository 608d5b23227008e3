import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CannedManager } from "@/components/canned/canned-manager";
import { PageHeader } from "@/components/panel/page-header";
import { loadDesk } from "../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ticket.canned.page"))("title") };
}

/** Canned replies for everyone on the desk: personal ones, and shared ones for owners and admins. */
export default async function CannedRepliesPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { role } = await loadDesk(slug, `/d/${slug}/canned`);
  const t = await getTranslations("ticket.canned.page");
  const canShare = can({ role, active: true, grants: new Map() }, "desk.settings");
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={canShare ? t("descriptionAdmin") : t("description")} />
      <CannedManager desk={slug} canShare={canShare} />
    </div>
  );
}
