import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KbOverview } from "@/components/kb/kb-overview";
import { KbTabs } from "@/components/kb/kb-tabs";
import { loadKb } from "./_data/kb";
import { PageHeader } from "@/components/panel/page-header";
import { Alert } from "@/components/ui/alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("kb.page"))("title") };
}

/** The knowledge base: every article (drafts too) with its numbers, and the categories. */
export default async function KnowledgeBasePage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, canEdit } = await loadKb(slug, `/d/${slug}/kb`);
  const t = await getTranslations("kb.page");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {canEdit ? <KbTabs desk={slug} current="articles" /> : <Alert className="mb-6">{t("readOnly")}</Alert>}
      <KbOverview desk={slug} canEdit={canEdit} timeZone={desk.timeZone} />
    </>
  );
}
