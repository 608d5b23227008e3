"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { DocumentIcon } from "./kb-icons";

/**
 * An article or topic that does not exist or is not published (drafts look the same). Rendered
 * inside the desk's frame, so it speaks the desk's language; not-found pages get no params, so
 * the desk comes from the address.
 */
export function KbNotFound({ kind }: { kind: "article" | "category" }) {
  const t = useTranslations("portal.kbNotFound");
  const desk = usePathname().split("/")[2] ?? "";
  const home = `/help/${desk}`;
  return (
    <div className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center px-4 py-16 text-center">
      <title>{t(`${kind}.title`)}</title>
      <span aria-hidden="true" className="flex size-14 items-center justify-center rounded-full bg-brand-50 text-brand-700">
        <DocumentIcon className="size-7" />
      </span>
      <p className="mt-4 text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{t(`${kind}.title`)}</h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">{t("description")}</p>
      <form role="search" action={home} method="get" className="mt-6 flex w-full gap-2">
        <label htmlFor="not-found-search" className="sr-only">
          {t("searchLabel")}
        </label>
        <input
          id="not-found-search"
          name="q"
          type="search"
          maxLength={200}
          placeholder={t("searchLabel")}
          className="h-10 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-sm shadow-xs placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand-500"
        />
        <button type="submit" className={buttonClassName({ className: "h-10" })}>
          {t("search")}
        </button>
      </form>
      <Link href={home} className="mt-4 rounded-sm text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        {t("home")}
      </Link>
    </div>
  );
}
