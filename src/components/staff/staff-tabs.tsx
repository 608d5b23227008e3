import { getTranslations } from "next-intl/server";
import { SectionTabs } from "@/components/ui/section-tabs";

/** The two views of the Staff section: people and access, and their activity. */
export async function StaffTabs({ desk, current }: { desk: string; current: "members" | "activity" }) {
  const t = await getTranslations("staff.tabs");
  return (
    <SectionTabs
      label={t("label")}
      current={current}
      tabs={[
        { key: "members", href: `/d/${desk}/staff`, label: t("members") },
        { key: "activity", href: `/d/${desk}/staff/activity`, label: t("activity") },
      ]}
    />
  );
}
