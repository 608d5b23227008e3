import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClassName } from "@/components/ui/button";
import { auth } from "@/server/auth/next-auth";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

/** After sign-in: straight to the only desk, or a choice between several. */
export default async function DeskChooserPage() {
  const session = await auth();
  if (!session) redirect("/signin");
  const api = await serverApi();
  const desks = await api.desk.mine().catch(() => redirect("/signin"));
  if (desks.length === 1) redirect(`/d/${desks[0]!.slug}`);
  const t = await getTranslations("panel.newDesk");
  const tRole = await getTranslations("panel.userMenu.role");
  if (desks.length === 0) {
    return (
      <AuthCard title={t("noneTitle")} subtitle={t("noneSubtitle")} footer={null}>
        <Link href="/d/new" className={buttonClassName({ className: "w-full" })}>{t("title")}</Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("chooseTitle")} subtitle={t("chooseSubtitle")} footer={<Link href="/d/new" className="font-medium text-brand-600">{t("title")}</Link>}>
      <ul className="flex flex-col gap-2">
        {desks.map((desk) => (
          <li key={desk.slug}>
            <Link href={`/d/${desk.slug}`} className="flex items-center justify-between rounded-lg border border-slate-200 px-4 py-3 hover:border-brand-500 hover:bg-brand-50">
              <span className="font-medium text-slate-900">{desk.displayName}</span>
              <span className="text-xs text-slate-500">{tRole(desk.role)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </AuthCard>
  );
}
