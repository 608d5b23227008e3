import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckTicketForm } from "@/components/portal/check-ticket-form";
import { loadHelpDesk } from "../_data/help-desk";
import { portalTranslator } from "@/components/portal/i18n";
import { PageIntro } from "@/components/portal/page-intro";

type Props = { params: Promise<{ desk: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const desk = await loadHelpDesk((await params).desk);
  if (!desk) notFound();
  const t = await portalTranslator(desk.locale);
  return { title: { absolute: t("meta.checkTitle", { desk: desk.displayName }) }, description: t("meta.checkDescription", { desk: desk.displayName }) };
}

/** "Check my ticket": the customer asks for a link to their requests, sent to their email. */
export default async function CheckTicketPage({ params }: Props) {
  const desk = await loadHelpDesk((await params).desk);
  if (!desk) notFound();
  const t = await portalTranslator(desk.locale);
  return (
    <div className="mx-auto max-w-lg px-4 py-10 sm:px-6 sm:py-14">
      <PageIntro title={t("check.title")} subtitle={t("check.subtitle")} />
      <div className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <CheckTicketForm desk={desk.slug} />
      </div>
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("check.newRequest")}{" "}
        <Link href={`/help/${desk.slug}/submit`} className="rounded-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          {t("frame.submit")}
        </Link>
      </p>
    </div>
  );
}
