import Link from "next/link";
import type { PortalTranslate } from "./i18n";
import { ChevronRightIcon } from "./kb-icons";

export type Crumb = { label: string; href: string };

/** "Help center › Parent › Category": where a page sits; the last crumb is the page itself. */
export function KbBreadcrumb({ desk, trail, current, t }: { desk: string; trail: Crumb[]; current: string; t: PortalTranslate }) {
  const crumbs = [{ label: t("breadcrumb.home"), href: `/help/${desk}` }, ...trail];
  return (
    <nav aria-label={t("breadcrumb.label")} className="text-sm">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-slate-500">
        {crumbs.map((crumb) => (
          <li key={crumb.href} className="flex min-w-0 items-center gap-1.5">
            <Link href={crumb.href} className="max-w-[16rem] truncate rounded-sm font-medium text-slate-600 underline-offset-4 hover:text-brand-700 hover:underline">
              {crumb.label}
            </Link>
            <ChevronRightIcon className="size-3.5 shrink-0 text-slate-400" />
          </li>
        ))}
        <li className="min-w-0">
          <span aria-current="page" className="line-clamp-1 text-slate-500">
            {current}
          </span>
        </li>
      </ol>
    </nav>
  );
}
