import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClosingCta } from "@/components/site/closing-cta";
import { FeatureGrid } from "@/components/site/feature-grid";
import { Hero } from "@/components/site/hero";
import { PricingTable } from "@/components/site/pricing-table";
import { SetupSteps } from "@/components/site/setup-steps";
import { formatMoney } from "@/lib/money";
import { listPlans } from "@/server/billing/service";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** Credit a new desk receives at sign-up, in minor units (PRODUCT.md: 20.00, 40 days of Standard). */
const TRIAL_CREDIT = 2000;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site.meta");
  return { title: { absolute: t("title") }, description: t("description") };
}

export default async function LandingPage() {
  const [plans, locale, t] = await Promise.all([
    getDb().then(listPlans),
    getLocale(),
    getTranslations("site.pricing"),
  ]);
  return (
    <>
      <Hero trialCredit={formatMoney(TRIAL_CREDIT, locale)} />
      <SetupSteps />
      <FeatureGrid />
      <section id="pricing" aria-labelledby="pricing-title" className="scroll-mt-20 border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-24">
          <div className="mx-auto max-w-2xl text-center">
            <p className="text-sm font-semibold text-brand-600">{t("eyebrow")}</p>
            <h2 id="pricing-title" className="mt-2 text-3xl font-semibold tracking-tight text-balance text-slate-900">
              {t("title")}
            </h2>
            <p className="mt-4 text-lg text-pretty text-slate-600">{t("subtitle")}</p>
          </div>
          <PricingTable plans={plans} locale={locale} trialCredit={TRIAL_CREDIT} className="mt-14" />
        </div>
      </section>
      <div className="bg-white pt-4">
        <ClosingCta />
      </div>
    </>
  );
}
