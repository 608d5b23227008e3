import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** The last nudge at the bottom of the landing page. */
export async function ClosingCta() {
  const t = await getTranslations("site.closing");
  const common = await getTranslations("common");
  return (
    <section aria-labelledby="closing-title" className="mx-auto max-w-6xl px-4 pb-24 sm:px-6">
      <div className="relative overflow-hidden rounded-2xl bg-brand-600 px-6 py-14 text-center shadow-xl shadow-brand-600/20 sm:px-12">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 bg-[radial-gradient(circle_at_top_right,rgb(255_255_255/0.18),transparent_55%)]"
        />
        <h2 id="closing-title" className="relative text-3xl font-semibold tracking-tight text-balance text-white">
          {t("title")}
        </h2>
        <p className="relative mx-auto mt-4 max-w-xl text-pretty text-brand-100">{t("body")}</p>
        <div className="relative mt-8 flex flex-col justify-center gap-3 sm:flex-row">
          <Button asChild size="lg" variant="secondary" className="border-transparent focus-visible:outline-white!">
            <Link href="/signup">{common("createDesk")}</Link>
          </Button>
          <Button asChild size="lg" variant="ghost" className="text-white hover:bg-white/10 hover:text-white focus-visible:outline-white!">
            <Link href="/signin">{t("signIn")}</Link>
          </Button>
        </div>
      </div>
    </section>
  );
}
