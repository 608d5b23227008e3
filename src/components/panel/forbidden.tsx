import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";

export async function Forbidden() {
  const t = await getTranslations("panel.forbidden");
  return <EmptyState title={t("title")} description={t("description")} />;
}
