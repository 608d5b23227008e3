import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/panel/page-header";
import { ReportsView } from "@/components/reports/reports-view";
import { StatisticsRequired } from "@/components/reports/statistics-required";
import { loadDesk } from "../../_data/desk";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

/** Today as a calendar day ("2026-03-31") in the desk's time zone. */
function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** Reports: the desk's figures for owners and admins, an agent's own for agents; the statistics option. */
export default async function ReportsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, api } = await loadDesk(slug, `/d/${slug}/reports`);
  const t = await getTranslations("reports");
  const access = await api.reports.access({ desk: slug });
  return (
    <>
      <PageHeader title={t("title")} description={access.scope === "own" ? t("ownDescription") : t("description")} />
      {access.statistics ? (
        <ReportsView desk={slug} today={todayIn(desk.timeZone)} timeZone={desk.timeZone} scope={access.scope} canSetTarget={access.canSetTarget} />
      ) : (
        <StatisticsRequired desk={slug} canBuy={access.canBuyOption} />
      )}
    </>
  );
}
