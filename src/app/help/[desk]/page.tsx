import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadHelpDesk } from "@/components/portal/help-desk";
import { HelpActions, HelpHero, KnowledgeBase, SearchResults } from "@/components/portal/help-home";
import { portalTranslator } from "@/components/portal/i18n";

type Props = { params: Promise<{ desk: string }>; searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const desk = await loadHelpDesk((await params).desk);
  if (!desk) notFound();
  const t = await portalTranslator(desk.locale);
  return { title: { absolute: t("meta.homeTitle", { desk: desk.displayName }) }, description: t("meta.homeDescription", { desk: desk.displayName }) };
}

/** The help center's home: search, the two ways to reach the team, and the knowledge base. */
export default async function HelpCenterPage({ params, searchParams }: Props) {
  const desk = await loadHelpDesk((await params).desk);
  if (!desk) notFound();
  const [t, search] = await Promise.all([portalTranslator(desk.locale), searchParams]);
  const query = (Array.isArray(search.q) ? search.q[0] : search.q)?.trim().slice(0, 200) ?? "";
  return (
    <>
      <HelpHero desk={desk} t={t} query={query} />
      {query ? <SearchResults desk={desk} t={t} query={query} /> : null}
      <HelpActions desk={desk} t={t} />
      {query ? <div className="pb-16" /> : <KnowledgeBase desk={desk} t={t} categories={[]} />}
    </>
  );
}
