import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { RatingsReport } from "@/components/reports/ratings-report";
import { Alert } from "@/components/ui/alert";
import { loadDesk } from "@/server/desks/load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("widgetAdmin.reports"))("title") };
}

/** Today as a calendar day ("2026-03-31") in the desk's time zone. */
function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** Reports: customer ratings for now (owners and admins); volume, timing and SLA reports come later. */
export default async function ReportsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role } = await loadDesk(slug, `/d/${slug}/reports`);
  const t = await getTranslations("widgetAdmin.reports");
  // The same rule as the ratings service: ratings are for management, never for agents.
  if (role !== "owner" && role !== "admin") {
    return (
      <>
        <PageHeader title={t("title")} />
        <Forbidden />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <RatingsReport desk={slug} today={todayIn(desk.timeZone)} timeZone={desk.timeZone} />
        <Alert variant="info">{t("later")}</Alert>
      </div>
    </>
  );
}
