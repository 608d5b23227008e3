import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadHelpDesk } from "./_data/help-desk";
import { HelpActions, HelpHero, KnowledgeBase, SearchResults } from "@/components/portal/help-home";
import { portalTranslator } from "@/components/portal/i18n";
import { absoluteUrl, loadKbHome, loadKbSearch } from "./_data/kb";

type Props = { params: Promise<{ desk: string }>; searchParams: Promise<{ q?: string | string[] }> };

const queryOf = (search: { q?: string | string[] }) => (Array.isArray(search.q) ? search.q[0] : search.q)?.trim().slice(0, 200) ?? "";

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const desk = await loadHelpDesk((await params).desk);
  if (!desk) notFound();
  const [t, query] = await Promise.all([portalTranslator(desk.locale), searchParams.then(queryOf)]);
  const title = query ? t("meta.searchTitle", { query, desk: desk.displayName }) : t("meta.homeTitle", { desk: desk.displayName });
  const description = t("meta.homeDescription", { desk: desk.displayName });
  const url = absoluteUrl(`/help/${desk.slug}`);
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: url },
    // A results page is one of endless variations of the home page: followed, not indexed.
    robots: query ? { index: false, follow: true } : undefined,
    openGraph: { type: "website", title, description, url, siteName: desk.displayName, locale: desk.locale === "ru" ? "ru_RU" : "en_US" },
  };
}

/** The help center's home: search, the knowledge base, and the two ways to reach the team. */
export default async function HelpCenterPage({ params, searchParams }: Props) {
  const desk = await loadHelpDesk((await params).desk);
  if (!desk) notFound();
  const [t, query] = await Promise.all([portalTranslator(desk.locale), searchParams.then(queryOf)]);
  if (query) {
    const results = await loadKbSearch(desk.slug, query);
    return (
      <>
        <HelpHero desk={desk} t={t} query={query} />
        <SearchResults desk={desk} t={t} query={query} results={results ?? []} />
        <HelpActions desk={desk} t={t} titled />
        <div className="pb-16" />
      </>
    );
  }
  const home = await loadKbHome(desk.slug);
  if (!home) notFound();
  const empty = home.total === 0;
  return (
    <>
      <HelpHero desk={desk} t={t} query="" />
      {/* Before the first article, reaching the team comes first; afterwards the answers do. */}
      {empty ? <HelpActions desk={desk} t={t} /> : null}
      <KnowledgeBase desk={desk} t={t} home={home} />
      {empty ? null : <HelpActions desk={desk} t={t} titled />}
      <div className="pb-16" />
    </>
  );
}
