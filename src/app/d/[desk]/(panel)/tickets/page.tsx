import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadViewer } from "../_data/viewer";
import { TicketsView } from "@/components/inbox/tickets-view";
import { PageHeader } from "@/components/panel/page-header";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("tickets.title") };
}

export default async function TicketsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  const [{ desk: current, viewer, api }, t] = await Promise.all([loadViewer(desk, `/d/${desk}/tickets`), getTranslations("inbox")]);
  const departments = await api.departments.list({ desk });
  return (
    <>
      <PageHeader
        title={t("tickets.title")}
        description={t("tickets.description")}
        actions={
          <Button asChild>
            <Link href={`/d/${desk}/tickets/new`}>{t("newTicket")}</Link>
          </Button>
        }
      />
      <TicketsView desk={desk} viewer={viewer} timeZone={current.timeZone} initialDepartments={departments} />
    </>
  );
}
