import { getTranslations } from "next-intl/server";
import { LinkOffIcon } from "./icons";

/**
 * A token that opens nothing: unknown, expired, or its ticket is gone. The page does not say which,
 * nor whose desk it might have been.
 */
export async function InvalidLink() {
  const t = await getTranslations("portal.invalid");
  return (
    <main className="mx-auto flex min-h-[80vh] max-w-md flex-col items-center justify-center px-4 py-16 text-center">
      <span aria-hidden="true" className="flex size-14 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <LinkOffIcon />
      </span>
      <h1 className="mt-5 text-2xl font-semibold tracking-tight text-balance text-slate-900">{t("title")}</h1>
      <p className="mt-3 text-sm leading-relaxed text-pretty text-slate-600">{t("description")}</p>
      <p className="mt-2 text-sm leading-relaxed text-pretty text-slate-600">{t("hint")}</p>
    </main>
  );
}
