import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadHelpDesk } from "../_data/help-desk";
import { portalTranslator } from "@/components/portal/i18n";
import { PageIntro } from "@/components/portal/page-intro";

type Props = { params: Promise<{ desk: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const desk = await loadHelpDesk((await params).desk);
  if (!desk) notFound();
  const t = await portalTranslator(desk.locale);
  return { title: { absolute: t("meta.submitTitle", { desk: desk.displayName }) }, description: t("meta.submitDescription", { desk: desk.displayName }) };
}

/** "Submit a request": the desk's own ticket form (the widget page), framed in a card. */
export default async function SubmitRequestPage({ params }: Props) {
  const desk = await loadHelpDesk((await params).desk);
  if (!desk) notFound();
  const t = await portalTranslator(desk.locale);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <PageIntro title={t("submit.title")} subtitle={t("submit.subtitle", { desk: desk.displayName })} />
      <div className="mt-8 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
        <iframe
          src={`/widget/${encodeURIComponent(desk.widgetKey)}`}
          title={t("submit.frameTitle", { desk: desk.displayName })}
          className="block h-[max(46rem,calc(100dvh-9rem))] w-full border-0"
        />
      </div>
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("submit.alreadySent")}{" "}
        <Link href={`/help/${desk.slug}/check`} className="rounded-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          {t("frame.check")}
        </Link>
      </p>
    </div>
  );
}
