import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";

/** Reports without the statistics option: how to get it (owners buy it; others ask the owner). */
export function StatisticsRequired({ desk, canBuy }: { desk: string; canBuy: boolean }) {
  const t = useTranslations("reports.gate");
  return (
    <Alert
      variant="info"
      title={t("title")}
      data-testid="statistics-required"
      action={
        canBuy ? (
          <Link href={`/d/${desk}/billing`} className={buttonClassName({ variant: "secondary", size: "sm" })}>
            {t("ownerLink")}
          </Link>
        ) : null
      }
    >
      {canBuy ? t("owner") : t("other")}
    </Alert>
  );
}
