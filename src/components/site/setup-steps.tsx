import { getTranslations } from "next-intl/server";

const steps = ["signup", "wizard", "embed"] as const;

/** Three steps from sign-up to the first answered ticket. */
export async function SetupSteps() {
  const t = await getTranslations("site.steps");
  return (
    <section aria-labelledby="steps-title" className="border-y border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <h2 id="steps-title" className="max-w-2xl text-3xl font-semibold tracking-tight text-balance text-slate-900">
          {t("title")}
        </h2>
        <ol className="mt-12 grid gap-8 md:grid-cols-3">
          {steps.map((step, index) => (
            <li key={step} className="relative min-w-0">
              <span
                aria-hidden="true"
                className="flex size-9 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white"
              >
                {index + 1}
              </span>
              <h3 className="mt-4 text-base font-semibold text-slate-900">{t(`${step}.title`)}</h3>
              <p className="mt-2 text-sm leading-relaxed text-slate-600">{t(`${step}.body`)}</p>
              {step === "embed" ? (
                <pre className="mt-4 overflow-x-auto rounded-lg bg-slate-900 px-3 py-2.5 text-xs text-slate-100">
                  <code>{'<script src="…/widget.js" async></script>'}</code>
                </pre>
              ) : null}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
