import { getTranslations } from "next-intl/server";
import { SiteIcon, type SiteIconName } from "./site-icons";

const features: { key: string; icon: SiteIconName }[] = [
  { key: "tickets", icon: "inbox" },
  { key: "widget", icon: "widget" },
  { key: "knowledgeBase", icon: "book" },
  { key: "mail", icon: "mail" },
  { key: "quality", icon: "clock" },
  { key: "reports", icon: "chart" },
  { key: "staff", icon: "shield" },
  { key: "billing", icon: "calendar" },
];

/** What the product does, one card per capability. */
export async function FeatureGrid() {
  const t = await getTranslations("site.features");
  return (
    <section id="features" aria-labelledby="features-title" className="scroll-mt-20">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-24">
        <div className="max-w-2xl">
          <p className="text-sm font-semibold text-brand-600">{t("eyebrow")}</p>
          <h2 id="features-title" className="mt-2 text-3xl font-semibold tracking-tight text-balance text-slate-900">
            {t("title")}
          </h2>
          <p className="mt-4 text-lg text-pretty text-slate-600">{t("subtitle")}</p>
        </div>
        <ul className="mt-12 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {features.map(({ key, icon }) => (
            <li key={key} className="rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
              <span className="flex size-10 items-center justify-center rounded-lg bg-brand-50 text-brand-600">
                <SiteIcon name={icon} className="size-5" />
              </span>
              <h3 className="mt-4 text-base font-semibold text-slate-900">{t(`items.${key}.title`)}</h3>
              <p className="mt-2 text-sm leading-relaxed text-slate-600">{t(`items.${key}.body`)}</p>
            </li>
          ))}
        </ul>
        <Highlights />
      </div>
    </section>
  );
}

const highlights = ["collision", "stopList", "ratings", "threading", "merge", "export"] as const;

/** The details users of other help desks keep asking for. */
async function Highlights() {
  const t = await getTranslations("site.highlights");
  return (
    <div className="mt-16 rounded-2xl border border-slate-200 bg-slate-900 px-6 py-10 text-white sm:px-10">
      <h3 className="text-xl font-semibold tracking-tight">{t("title")}</h3>
      <p className="mt-2 max-w-2xl text-sm text-slate-300">{t("subtitle")}</p>
      <ul className="mt-8 grid gap-x-10 gap-y-5 md:grid-cols-2">
        {highlights.map((key) => (
          <li key={key} className="flex gap-3 text-sm leading-relaxed text-slate-200">
            <SiteIcon name="check" className="mt-0.5 size-5 shrink-0 text-brand-100" />
            <span>
              <strong className="font-semibold text-white">{t(`${key}.title`)}</strong> {t(`${key}.body`)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
