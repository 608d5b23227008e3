import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { StaffActivity } from "@/components/staff/staff-activity";
import { StaffTabs } from "@/components/staff/staff-tabs";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: `${t("activity.title")} · ${t("title")}` };
}

/** Today as a calendar day ("2026-03-31") in the desk's time zone. */
function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

export default async function StaffActivityPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role, api } = await loadDesk(slug, `/d/${slug}/staff/activity`);
  if (!can({ role, active: true, grants: new Map() }, "staff.manage")) return <Forbidden />;
  const reports = await api.reports.access({ desk: slug });
  const t = await getTranslations("staff");
  return (
    <>
      <PageHeader title={t("title")} description={t("activity.description")} />
      <StaffTabs desk={slug} current="activity" />
      <StaffActivity desk={slug} today={todayIn(desk.timeZone)} timeZone={desk.timeZone} statistics={{ enabled: reports.statistics, canBuy: reports.canBuyOption }} />
    </>
  );
}
