import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

/** The landing page's opening: promise, calls to action and a glimpse of the inbox. */
export async function Hero({ trialCredit }: { trialCredit: string }) {
  const t = await getTranslations("site.hero");
  const common = await getTranslations("common");
  return (
    <section aria-labelledby="hero-title" className="relative overflow-hidden">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-[36rem] bg-[radial-gradient(ellipse_at_top,var(--color-brand-100),transparent_65%)]"
      />
      <div className="mx-auto grid max-w-6xl items-center gap-12 px-4 pt-16 pb-20 sm:px-6 sm:pt-24 lg:grid-cols-[1.05fr_1fr] lg:gap-16">
        <div>
          <p className="inline-flex items-center gap-2 rounded-full border border-brand-100 bg-white/80 px-3 py-1 text-sm font-medium text-brand-700 shadow-xs">
            <span aria-hidden="true" className="size-1.5 rounded-full bg-brand-500" />
            {t("eyebrow")}
          </p>
          <h1
            id="hero-title"
            className="mt-6 text-4xl font-semibold tracking-tight text-balance text-slate-900 sm:text-5xl lg:text-[3.4rem] lg:leading-[1.08]"
          >
            {t("title")}
          </h1>
          <p className="mt-6 max-w-xl text-lg leading-relaxed text-pretty text-slate-600">{t("subtitle")}</p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <Button asChild size="lg">
              <Link href="/signup">{common("createDesk")}</Link>
            </Button>
            <Button asChild size="lg" variant="secondary">
              <Link href="#pricing">{t("seePricing")}</Link>
            </Button>
          </div>
          <p className="mt-5 text-sm text-slate-500">{t("note", { credit: trialCredit })}</p>
        </div>
        <InboxPreview />
      </div>
    </section>
  );
}

type PreviewTicket = { key: "t1" | "t2" | "t3" | "t4"; number: number; status: "new" | "open" | "pending"; minutes: number };

const tickets: PreviewTicket[] = [
  { key: "t1", number: 1042, status: "new", minutes: 2 },
  { key: "t2", number: 1041, status: "open", minutes: 14 },
  { key: "t3", number: 1039, status: "pending", minutes: 31 },
  { key: "t4", number: 1036, status: "open", minutes: 48 },
];

const statusVariant: Record<PreviewTicket["status"], BadgeVariant> = { new: "brand", open: "info", pending: "warning" };

/** A static picture of the inbox, built from markup so it stays sharp and translated. */
async function InboxPreview() {
  const t = await getTranslations("site.preview");
  const queues = [
    { label: t("queues.inbox"), count: 12, active: true },
    { label: t("queues.mine"), count: 4, active: false },
    { label: t("queues.unassigned"), count: 3, active: false },
    { label: t("queues.billing"), count: 2, active: false },
  ];
  return (
    <div aria-hidden="true" className="relative select-none">
      <div className="absolute -inset-4 -z-10 rounded-3xl bg-gradient-to-tr from-brand-100/60 via-white to-sky-100/50 blur-2xl" />
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl shadow-slate-900/10">
        <div className="flex items-center gap-1.5 border-b border-slate-100 bg-slate-50 px-4 py-2.5">
          <span className="size-2.5 rounded-full bg-slate-300" />
          <span className="size-2.5 rounded-full bg-slate-300" />
          <span className="size-2.5 rounded-full bg-slate-300" />
        </div>
        <div className="grid sm:grid-cols-[10rem_1fr]">
          <div className="hidden border-r border-slate-100 p-3 sm:block">
            <ul className="space-y-0.5 text-sm">
              {queues.map((queue) => (
                <li
                  key={queue.label}
                  className={
                    queue.active
                      ? "flex justify-between rounded-md bg-brand-50 px-2.5 py-1.5 font-medium text-brand-700"
                      : "flex justify-between rounded-md px-2.5 py-1.5 text-slate-600"
                  }
                >
                  <span className="truncate">{queue.label}</span>
                  <span className="tabular-nums">{queue.count}</span>
                </li>
              ))}
            </ul>
          </div>
          <div className="min-w-0">
            <div className="flex items-center justify-between border-b border-slate-100 px-4 py-3">
              <span className="text-sm font-semibold text-slate-900">{t("queues.inbox")}</span>
              <Badge variant="danger" dot>
                {t("sla")}
              </Badge>
            </div>
            <ul className="divide-y divide-slate-100">
              {tickets.map((ticket) => (
                <li key={ticket.key} className="flex items-start gap-3 px-4 py-3">
                  <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">
                    {t(`tickets.${ticket.key}.initials`)}
                  </span>
                  <div className="min-w-0 flex-1">
                    <div className="flex items-center justify-between gap-2">
                      <span className="truncate text-sm font-medium text-slate-900">{t(`tickets.${ticket.key}.subject`)}</span>
                      <span className="shrink-0 text-xs text-slate-400 tabular-nums">{t("ago", { minutes: ticket.minutes })}</span>
                    </div>
                    <div className="mt-1 flex items-center gap-2">
                      <span className="text-xs text-slate-400 tabular-nums">#{ticket.number}</span>
                      <span className="truncate text-xs text-slate-500">{t(`tickets.${ticket.key}.customer`)}</span>
                      <Badge variant={statusVariant[ticket.status]} className="ml-auto">
                        {t(`status.${ticket.status}`)}
                      </Badge>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </div>
  );
}
