import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import type { PortalTranslate } from "./i18n";
import { ChatIcon } from "./kb-icons";

/** "Still need help?": the way from an article or topic to the team. */
export function KbContact({ desk, t, className }: { desk: string; t: PortalTranslate; className?: string }) {
  return (
    <section aria-labelledby="kb-contact-title" className={className}>
      <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs">
        <span aria-hidden="true" className="flex size-10 items-center justify-center rounded-xl bg-brand-50 text-brand-700">
          <ChatIcon />
        </span>
        <h2 id="kb-contact-title" className="mt-3 font-semibold text-slate-900">
          {t("kbContact.title")}
        </h2>
        <p className="mt-1 text-sm leading-relaxed text-slate-600">{t("kbContact.body")}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <Link href={`/help/${desk}/submit`} className={buttonClassName({ size: "sm" })}>
            {t("frame.submit")}
          </Link>
          <Link href={`/help/${desk}/check`} className={buttonClassName({ size: "sm", variant: "secondary" })}>
            {t("frame.check")}
          </Link>
        </div>
      </div>
    </section>
  );
}
