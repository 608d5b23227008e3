import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SetupWizard } from "@/components/setup/setup-wizard";
import { env } from "@/env";
import { listPlans } from "@/server/billing/service";
import { getDb } from "@/server/db/client";
import { loadDesk } from "../_data/desk";
import { can } from "@/server/kernel/permissions";

export async function generateMetadata() {
  return { title: (await getTranslations("setup.steps"))("desk") };
}

export default async function SetupPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk: slug } = await params;
  const { desk, role } = await loadDesk(slug, `/d/${slug}/setup`);
  if (desk.setupCompletedAt || !can({ role, active: true, grants: new Map() }, "desk.settings")) redirect(`/d/${slug}`);
  // Suggested in the language the owner is using right now.
  const suggested = (await getLocale()) === "ru" ? ["Поддержка", "Жалобы", "Оплата"] : ["Support", "Complaints", "Payments"];
  return (
    <div className="min-h-screen bg-slate-50">
      <SetupWizard
        desk={{ slug: desk.slug, displayName: desk.displayName, locale: desk.locale, timeZone: desk.timeZone, widgetFields: desk.widgetFields }}
        suggestedDepartments={suggested}
        plans={(await listPlans(await getDb())).map(({ id, name, dailyPrice, agentSeats, ticketsPerDay, optionsIncluded }) => ({ id, name, dailyPrice, agentSeats, ticketsPerDay, optionsIncluded }))}
        currency={env.BILLING_CURRENCY}
      />
    </div>
  );
}
