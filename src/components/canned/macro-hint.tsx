"use client";

import { useTranslations } from "next-intl";
import { macroNames, type MacroName } from "@/lib/macros";
import { cn } from "@/lib/cn";

/** "customer.name" → "customerName": the key of its description in messages. */
const messageKey = (name: MacroName) => name.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()) as "customerName";

/**
 * The placeholders a reply may use, each with what it becomes. With `onInsert` each one is a
 * button that puts it into the text at the cursor.
 */
export function MacroHint({ onInsert, className, id }: { onInsert?: (macro: string) => void; className?: string; id?: string }) {
  const t = useTranslations("ticket.macros");
  return (
    <span id={id} className={cn("block text-xs text-slate-500", className)}>
      <span className="mr-1">{onInsert ? t("insertHint") : t("hint")}</span>
      <span className="inline-flex flex-wrap gap-1 align-middle">
        {macroNames.map((name) => {
          const macro = `{{${name}}}`;
          const description = t(`names.${messageKey(name)}`);
          return onInsert ? (
            <button
              key={name}
              type="button"
              title={description}
              aria-label={t("insert", { macro, description })}
              onClick={() => onInsert(macro)}
              className="cursor-pointer rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 ring-1 ring-slate-500/15 ring-inset hover:bg-slate-200 hover:text-slate-900"
            >
              {macro}
            </button>
          ) : (
            <code key={name} title={description} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 ring-1 ring-slate-500/15 ring-inset">
              {macro}
            </code>
          );
        })}
      </span>
    </span>
  );
}
