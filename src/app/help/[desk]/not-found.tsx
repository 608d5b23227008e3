import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button";

/** An address under /help that names no desk (or one not set up yet): nothing about desks is revealed. */
export default async function HelpCenterNotFound() {
  const t = await getTranslations("portal.notFound");
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("description")}</p>
      <Link href="/" className={buttonClassName({ variant: "secondary", className: "mt-6" })}>
        {t("home")}
      </Link>
    </main>
  );
}
