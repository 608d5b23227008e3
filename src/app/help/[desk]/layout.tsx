import { PortalFrame } from "@/components/portal/portal-frame";
import { loadHelpDesk } from "./_data/help-desk";

export const dynamic = "force-dynamic";

/** A desk's public help center: its name, colour and language around every page. */
export default async function HelpCenterLayout({ children, params }: { children: React.ReactNode; params: Promise<{ desk: string }> }) {
  const desk = await loadHelpDesk((await params).desk);
  // No such desk: the page answers with not-found.tsx, which needs no desk frame.
  if (!desk) return children;
  return (
    <PortalFrame desk={desk} color={desk.color} helpCenter>
      {/* React hoists this into <head>: where crawlers find every published article. */}
      <link rel="sitemap" type="application/xml" href={`/help/${desk.slug}/sitemap.xml`} />
      {children}
    </PortalFrame>
  );
}
