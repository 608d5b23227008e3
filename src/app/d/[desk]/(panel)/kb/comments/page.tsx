import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CommentQueue } from "@/components/kb/comment-queue";
import { KbTabs } from "@/components/kb/kb-tabs";
import { loadKb } from "../_data/kb";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const [tPage, t] = await Promise.all([getTranslations("kb.page"), getTranslations("kb.comments")]);
  return { title: `${t("title")} · ${tPage("title")}` };
}

/** Visitors' comments waiting for a decision (owners, admins and knowledge-base editors). */
export default async function KbCommentsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, canEdit } = await loadKb(slug, `/d/${slug}/kb/comments`);
  if (!canEdit) return <Forbidden />;
  const t = await getTranslations("kb.page");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <KbTabs desk={slug} current="comments" />
      <CommentQueue desk={slug} timeZone={desk.timeZone} />
    </>
  );
}
