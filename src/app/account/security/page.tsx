import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SecurityView } from "@/components/account/security-view";
import { Alert } from "@/components/ui/alert";
import { auth } from "@/server/auth/next-auth";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.security"))("title"), robots: { index: false } };
}

/**
 * The person's security (two-factor sign-in, sessions). Outside any desk on purpose: a desk that
 * requires two-factor sign-in sends members here (`?required=<desk>`) before it lets them in.
 */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string | string[] }> }) {
  const { required } = await searchParams;
  const back = typeof required === "string" && /^[a-z0-9-]{1,63}$/.test(required) ? required : null;
  const path = `/account/security${back ? `?required=${back}` : ""}`;
  if (!(await auth())) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  const me = await (await serverApi()).account.me().catch(() => redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`));
  const t = await getTranslations("auth.security");
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-10">
      <div>
        <Link href={back ? `/d/${back}` : "/d"} className="text-sm font-medium text-brand-600 hover:text-brand-700">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("description")}</p>
      </div>
      {back ? <Alert variant="warning">{t("requiredNote", { desk: back })}</Alert> : null}
      <SecurityView email={me.email} />
    </main>
  );
}
