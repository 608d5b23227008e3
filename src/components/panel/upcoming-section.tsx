import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SectionIcon } from "./icons";
import { PageHeader } from "./page-header";

type Upcoming = "inbox" | "tickets" | "kb" | "customers" | "reports" | "mail" | "billing";

/** A section that is not built yet says so plainly, with no made-up data. */
export async function UpcomingSection({ section }: { section: Upcoming }) {
  const t = await getTranslations("panel.upcoming");
  return (
    <>
      <PageHeader title={t(`${section}.title`)} description={t(`${section}.description`)} />
      <EmptyState
        icon={<SectionIcon section={section} className="size-6" />}
        title={<span className="inline-flex items-center gap-2">{t(`${section}.title`)} <Badge variant="neutral">{t("badge")}</Badge></span>}
        description={t(`${section}.empty`)}
      />
    </>
  );
}
