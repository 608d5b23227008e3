import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InboxView } from "@/components/inbox/inbox-view";
import { loadViewer } from "./_data/viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox");
  return { title: t("title.inbox") };
}

export default async function InboxPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  const { desk: current, viewer, api } = await loadViewer(desk, `/d/${desk}`);
  const departments = await api.departments.list({ desk });
  return <InboxView desk={desk} viewer={viewer} timeZone={current.timeZone} initialDepartments={departments} />;
}
